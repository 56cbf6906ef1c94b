package fr.secondevie.common;

import org.springframework.modulith.NamedInterface;

/**
 * A SIRET number: 14 digits (the 9-digit SIREN of the company and the 5-digit NIC of the
 * establishment) whose last digit is a Luhn check digit over all 14. The establishments of La Poste
 * (SIREN 356 000 000) follow INSEE's other rule: the sum of the digits is a multiple of 5.
 */
@NamedInterface("api")
public record Siret(String value) {

  private static final String LA_POSTE_SIREN = "356000000";
  private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

  public Siret {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Spaces, dots and dashes as people type them ("123 456 789 00012") are removed; nothing typed
   * gives null.
   */
  public static String normalize(String typed) {
    if (typed == null) {
      return null;
    }
    String compact = typed.replaceAll("[\\s.\\u00A0\\u202F-]", "");
    return compact.isEmpty() ? null : compact;
  }

  /** The French message explaining why {@code value} is not a SIRET, or null when it is one. */
  public static String problem(String value) {
    if (value == null || value.isBlank()) {
      return "Le SIRET est obligatoire.";
    }
    if (!value.matches("\\d{14}")) {
      return "Le SIRET compte exactement 14 chiffres (SIREN à 9 chiffres suivi du NIC à 5 chiffres).";
    }
    boolean valid =
        value.startsWith(LA_POSTE_SIREN) && !value.equals(LA_POSTE_HEAD_OFFICE)
            ? digitSum(value) % 5 == 0
            : luhn(value);
    return valid
        ? null
        : "Le SIRET " + value + " est invalide : sa clé de contrôle ne correspond pas.";
  }

  /** Whether {@code value} (already normalized) is a SIRET whose check digit holds. */
  public static boolean isValid(String value) {
    return problem(value) == null;
  }

  /** The SIREN (first nine digits): the company. */
  public String siren() {
    return value.substring(0, 9);
  }

  /** "123 456 789 00012", as INSEE prints it. */
  public String formatted() {
    return value.substring(0, 3)
        + " "
        + value.substring(3, 6)
        + " "
        + value.substring(6, 9)
        + " "
        + value.substring(9);
  }

  /** Whether the Luhn sum of {@code digits} is a multiple of 10. */
  public static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static int digitSum(String digits) {
    return digits.chars().map(c -> c - '0').sum();
  }
}
