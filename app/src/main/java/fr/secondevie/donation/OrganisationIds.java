package fr.secondevie.donation;

import fr.secondevie.common.Siret;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the identifiers of French organisations: SIRET (INSEE) and RNA (associations). */
final class OrganisationIds {

  // W + department (2A/2B for Corsica, 3 characters for overseas) + serial: 10 characters
  private static final Pattern RNA = Pattern.compile("W[0-9][0-9AB][0-9]{7}");

  private OrganisationIds() {}

  /** Spaces removed: "123 456 789 00012" → "12345678900012". */
  static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String compact = value.replaceAll("[\\s.\\u00A0\\u202F]", "").toUpperCase(Locale.ROOT);
    return compact.isEmpty() ? null : compact;
  }

  /** A SIRET whose check digit holds (see {@link Siret}). */
  static boolean isValidSiret(String siret) {
    return Siret.isValid(siret);
  }

  /** An RNA number: W followed by 9 characters (e.g. W751234567, W2A1002345). */
  static boolean isValidRna(String rna) {
    return rna != null && RNA.matcher(rna).matches();
  }
}
