package fr.secondevie.donation;

import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.processes.AssetEndOfLifeProcess.SanitizationOutcomes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The conditions the law sets on a free transfer of retired IT equipment, checked again by {@code
 * donation.match-beneficiary} whatever chose the route (decision table or arbitration).
 *
 * <p>The age limit and the value cap are not figures of this class: they are those of the decision
 * {@code asset-route} the runtime runs ({@link fr.secondevie.routing.DonationLimits}), so that a
 * process owner changing the table changes the legal check with it.
 *
 * <ul>
 *   <li>at most the table's age limit, 10 years (décret 2023-266: older equipment goes to
 *       recycling);
 *   <li>residual unit value at most the table's cap, 300 € (CGPPP D.3212-3) — exactly the cap is
 *       allowed;
 *   <li>storage wiped with a passing certificate, or no storage at all (a destroyed medium means
 *       the device is incomplete: it is not given);
 *   <li>IT equipment of a kind the decree on solidarity prices covers (computers, screens,
 *       printers, phones); infrastructure (servers, storage arrays, network and security
 *       appliances) carries security obligations and is never given.
 * </ul>
 */
final class DonationLaw {

  static final Set<AssetCategory> DONATABLE =
      EnumSet.of(
          AssetCategory.DESKTOP,
          AssetCategory.LAPTOP,
          AssetCategory.MONITOR,
          AssetCategory.PRINTER,
          AssetCategory.PHONE);

  private DonationLaw() {}

  /**
   * What is known of the asset when the donation is checked.
   *
   * @param ageYears exact age in decimal years, or null when unknown
   * @param residualUnitValue euros, or null when unknown
   */
  record AssetFacts(
      AssetCategory category,
      BigDecimal ageYears,
      BigDecimal residualUnitValue,
      String sanitizationOutcome) {}

  /** The result of the checks that concern the asset, with a French reason per failure. */
  record AssetCheck(
      AssetFacts facts,
      boolean ageWithinLimit,
      boolean valueWithinCap,
      boolean sanitizationPassed,
      boolean categoryEligible,
      List<String> failures) {

    boolean passed() {
      return failures.isEmpty();
    }
  }

  /**
   * @param maxAgeYears the age limit of the decision table
   * @param unitValueCap the donation cap of the decision table, euros
   */
  static AssetCheck check(AssetFacts facts, BigDecimal maxAgeYears, BigDecimal unitValueCap) {
    List<String> failures = new ArrayList<>();
    boolean age = facts.ageYears() != null && facts.ageYears().compareTo(maxAgeYears) <= 0;
    if (!age) {
      failures.add(
          facts.ageYears() == null
              ? "âge inconnu"
              : "plus de "
                  + maxAgeYears.stripTrailingZeros().toPlainString()
                  + " ans ("
                  + facts.ageYears().stripTrailingZeros().toPlainString()
                  + " ans)");
    }
    boolean value =
        facts.residualUnitValue() != null
            && facts.residualUnitValue().signum() >= 0
            && facts.residualUnitValue().compareTo(unitValueCap) <= 0;
    if (!value) {
      failures.add(
          facts.residualUnitValue() == null
              ? "valeur résiduelle inconnue"
              : "valeur unitaire de "
                  + facts.residualUnitValue().toPlainString()
                  + " € au-delà du plafond de "
                  + unitValueCap.stripTrailingZeros().toPlainString()
                  + " € (CGPPP D.3212-3)");
    }
    boolean sanitization =
        SanitizationOutcomes.PASSED.equals(facts.sanitizationOutcome())
            || SanitizationOutcomes.NO_STORAGE.equals(facts.sanitizationOutcome());
    if (!sanitization) {
      failures.add(
          "effacement non certifié ("
              + (facts.sanitizationOutcome() == null ? "inconnu" : facts.sanitizationOutcome())
              + ")");
    }
    boolean category = facts.category() != null && DONATABLE.contains(facts.category());
    if (!category) {
      failures.add(
          "catégorie "
              + (facts.category() == null ? "inconnue" : "« " + facts.category().label() + " »")
              + " non cessible (seuls les postes, portables, écrans, imprimantes et téléphones le"
              + " sont)");
    }
    return new AssetCheck(facts, age, value, sanitization, category, List.copyOf(failures));
  }
}
