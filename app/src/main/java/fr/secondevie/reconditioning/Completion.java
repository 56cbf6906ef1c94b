package fr.secondevie.reconditioning;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.processes.AssetEndOfLifeProcess.ReconditioningResults;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the workshop reports at the end of a refurbishment, before checks.
 *
 * @param result {@code RECONDITIONED} or {@code BEYOND_REPAIR}
 * @param costCents cost of the work and parts, euro cents, excluding VAT
 * @param newGrade grade after the work (A, B or C) when reconditioned
 * @param lifetimeExtensionMonths expected extra life, in months, when reconditioned
 */
record Completion(
    String result,
    String workDone,
    String partsReplaced,
    Long costCents,
    String newGrade,
    Integer lifetimeExtensionMonths) {

  static final Set<String> GRADES = Set.of("A", "B", "C");
  static final int MAX_EXTENSION_MONTHS = 120;

  /** 10 million euros: beyond, a typing error (and sums of costs would overflow). */
  static final long MAX_COST_CENTS = 10_000_000_00L;

  /** Values checked; grade and extension are null when beyond repair. */
  record Valid(
      String result,
      String workDone,
      String partsReplaced,
      long costCents,
      String newGrade,
      Integer lifetimeExtensionMonths) {

    boolean reconditioned() {
      return ReconditioningResults.RECONDITIONED.equals(result);
    }

    /** The extension in decimal years, as the process variable carries it (18 months → 1.5). */
    BigDecimal lifetimeExtensionYears() {
      return lifetimeExtensionMonths == null
          ? null
          : BigDecimal.valueOf(lifetimeExtensionMonths)
              .divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP)
              .stripTrailingZeros();
    }
  }

  /**
   * @throws InvalidInputException with one message per wrong field
   */
  Valid validate() {
    Map<String, String> errors = new LinkedHashMap<>();
    String cleanResult = result == null ? null : result.strip().toUpperCase(Locale.ROOT);
    boolean reconditioned = ReconditioningResults.RECONDITIONED.equals(cleanResult);
    if (!reconditioned && !ReconditioningResults.BEYOND_REPAIR.equals(cleanResult)) {
      errors.put("result", "Choisissez le résultat : remis en état ou irréparable.");
    }
    String work = clean(workDone);
    if (work == null || work.length() < 5) {
      errors.put("workDone", "Décrivez le travail effectué (5 caractères au moins).");
    } else if (work.length() > 2000) {
      errors.put("workDone", "La description dépasse 2 000 caractères.");
    }
    String parts = clean(partsReplaced);
    if (parts != null && parts.length() > 1000) {
      errors.put("partsReplaced", "La liste des pièces dépasse 1 000 caractères.");
    }
    if (costCents == null) {
      errors.put("costCents", "Indiquez le coût (0 s'il est nul).");
    } else if (costCents < 0) {
      errors.put("costCents", "Le coût ne peut être négatif.");
    } else if (costCents > MAX_COST_CENTS) {
      errors.put("costCents", "Le coût dépasse 10 000 000 € : vérifiez la saisie.");
    }
    String grade = clean(newGrade) == null ? null : newGrade.strip().toUpperCase(Locale.ROOT);
    if (reconditioned) {
      if (grade == null || !GRADES.contains(grade)) {
        errors.put("newGrade", "Indiquez l'état après remise en état : A, B ou C.");
      }
      if (lifetimeExtensionMonths == null
          || lifetimeExtensionMonths < 1
          || lifetimeExtensionMonths > MAX_EXTENSION_MONTHS) {
        errors.put(
            "lifetimeExtensionMonths",
            "Indiquez l'allongement de la durée de vie, de 1 à " + MAX_EXTENSION_MONTHS + " mois.");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Valid(
        cleanResult,
        work,
        parts,
        costCents,
        reconditioned ? grade : null,
        reconditioned ? lifetimeExtensionMonths : null);
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
