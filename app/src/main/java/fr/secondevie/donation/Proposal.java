package fr.secondevie.donation;

import fr.secondevie.inventory.CustodyText;
import java.math.BigDecimal;
import java.util.List;

/**
 * A beneficiary's open request proposed for an asset, with the legal check shown to the director.
 */
record Proposal(Beneficiary beneficiary, DonationRequest request, LegalCheck legalCheck) {

  /**
   * The legal check (process variable {@code legalCheck}).
   *
   * @param ageYears decimal years
   * @param residualUnitValue euros
   * @param rules the same check in words, one rule each, as form {@code approve-donation} shows it
   */
  record LegalCheck(
      BigDecimal ageYears,
      boolean ageWithinLimit,
      BigDecimal residualUnitValue,
      boolean valueWithinCap,
      boolean sanitizationPassed,
      boolean assetCategoryEligible,
      boolean beneficiaryCategoryEligible,
      boolean reuseCommitmentSigned,
      List<Rule> rules) {

    LegalCheck(
        BigDecimal ageYears,
        boolean ageWithinLimit,
        BigDecimal residualUnitValue,
        boolean valueWithinCap,
        boolean sanitizationPassed,
        boolean assetCategoryEligible,
        boolean beneficiaryCategoryEligible,
        boolean reuseCommitmentSigned) {
      this(
          ageYears,
          ageWithinLimit,
          residualUnitValue,
          valueWithinCap,
          sanitizationPassed,
          assetCategoryEligible,
          beneficiaryCategoryEligible,
          reuseCommitmentSigned,
          List.of(
              Rule.of(
                  "Âge de 10 ans au plus (décret n° 2023-266)",
                  ageWithinLimit,
                  "l'équipement a " + CustodyText.years(ageYears)),
              Rule.of(
                  "Valeur unitaire de 300,00 € au plus (CGPPP, art. D3212-3)",
                  valueWithinCap,
                  "valeur résiduelle " + CustodyText.euros(residualUnitValue)),
              Rule.of(
                  "Supports de stockage effacés avec certificat, ou aucun support",
                  sanitizationPassed,
                  sanitizationPassed
                      ? "certificats d'effacement établis ou aucun support"
                      : "effacement non certifié ou supports détruits"),
              Rule.of(
                  "Matériel informatique cessible",
                  assetCategoryEligible,
                  assetCategoryEligible
                      ? "catégorie prévue par la politique de dons"
                      : "catégorie exclue des dons"),
              Rule.of(
                  "Bénéficiaire d'une catégorie prévue par l'article L3212-2 3° du CGPPP",
                  beneficiaryCategoryEligible,
                  beneficiaryCategoryEligible
                      ? "catégorie du bénéficiaire vérifiée au registre"
                      : "catégorie du bénéficiaire non prévue"),
              Rule.of(
                  "Engagement de réemploi et de non-revente signé",
                  reuseCommitmentSigned,
                  reuseCommitmentSigned
                      ? "engagement au dossier du bénéficiaire"
                      : "aucun engagement signé")));
    }

    static LegalCheck of(DonationLaw.AssetCheck asset, Beneficiary beneficiary) {
      return new LegalCheck(
          asset.facts().ageYears(),
          asset.ageWithinLimit(),
          asset.facts().residualUnitValue(),
          asset.valueWithinCap(),
          asset.sanitizationPassed(),
          asset.categoryEligible(),
          beneficiary.categoryEligible(),
          beneficiary.reuseCommitmentSigned());
    }
  }

  /**
   * One rule of the legal check in words.
   *
   * @param verdict "respectée" or "non respectée"
   * @param why the fact the verdict rests on
   */
  record Rule(String rule, boolean respected, String verdict, String why) {

    static Rule of(String rule, boolean respected, String why) {
      return new Rule(rule, respected, respected ? "respectée" : "non respectée", why);
    }
  }
}
