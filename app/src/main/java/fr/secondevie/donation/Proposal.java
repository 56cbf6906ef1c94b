package fr.secondevie.donation;

import java.math.BigDecimal;

/**
 * A beneficiary's open request proposed for an asset, with the legal check shown to the director.
 */
record Proposal(Beneficiary beneficiary, DonationRequest request, LegalCheck legalCheck) {

  /**
   * The legal check (process variable {@code legalCheck}).
   *
   * @param ageYears decimal years
   * @param residualUnitValue euros
   */
  record LegalCheck(
      BigDecimal ageYears,
      boolean ageWithinLimit,
      BigDecimal residualUnitValue,
      boolean valueWithinCap,
      boolean sanitizationPassed,
      boolean assetCategoryEligible,
      boolean beneficiaryCategoryEligible,
      boolean reuseCommitmentSigned) {

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
}
