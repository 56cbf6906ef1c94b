package fr.secondevie.donation;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the identifiers of French organisations: SIRET (INSEE) and RNA (associations). */
final class OrganisationIds {

  private static final Pattern SIRET = Pattern.compile("\\d{14}");
  // W + department (2A/2B for Corsica, 3 characters for overseas) + serial: 10 characters
  private static final Pattern RNA = Pattern.compile("W[0-9][0-9AB][0-9]{7}");
  private static final String LA_POSTE_SIREN = "356000000";

  private OrganisationIds() {}

  /** Spaces removed: "123 456 789 00012" → "12345678900012". */
  static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String compact = value.replaceAll("[\\s.\\u00A0\\u202F]", "").toUpperCase(Locale.ROOT);
    return compact.isEmpty() ? null : compact;
  }

  /**
   * A SIRET is 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments, SIREN
   * 356000000, use the plain digit sum, a multiple of 5).
   */
  static boolean isValidSiret(String siret) {
    if (siret == null || !SIRET.matcher(siret).matches()) {
      return false;
    }
    if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals("35600000000048")) {
      int sum = 0;
      for (char c : siret.toCharArray()) {
        sum += c - '0';
      }
      return sum % 5 == 0;
    }
    int sum = 0;
    for (int i = 0; i < 14; i++) {
      int digit = siret.charAt(13 - i) - '0';
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

  /** An RNA number: W followed by 9 characters (e.g. W751234567, W2A1002345). */
  static boolean isValidRna(String rna) {
    return rna != null && RNA.matcher(rna).matches();
  }
}
