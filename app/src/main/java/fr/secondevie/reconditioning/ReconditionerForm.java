package fr.secondevie.reconditioning;

import fr.secondevie.common.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A reconditioner as typed in, before checks. */
record ReconditionerForm(
    String name, Channel channel, String supplierRef, String email, Boolean active) {

  static ReconditionerForm empty() {
    return new ReconditionerForm(null, null, null, null, true);
  }

  record Valid(String name, Channel channel, String supplierRef, String email, boolean active) {}

  /**
   * @throws InvalidInputException with one message per wrong field
   */
  Valid validate() {
    Map<String, String> errors = new LinkedHashMap<>();
    String cleanName = clean(name);
    if (cleanName == null) {
      errors.put("name", "Indiquez le nom de l'atelier ou du fournisseur.");
    } else if (cleanName.length() > 255) {
      errors.put("name", "Le nom dépasse 255 caractères.");
    }
    if (channel == null) {
      errors.put("channel", "Choisissez : atelier interne ou fournisseur référencé.");
    }
    String cleanRef = clean(supplierRef);
    if (channel == Channel.SUPPLIER && cleanRef == null) {
      errors.put("supplierRef", "Indiquez la référence du fournisseur (référencement).");
    } else if (cleanRef != null && cleanRef.length() > 64) {
      errors.put("supplierRef", "La référence dépasse 64 caractères.");
    }
    String cleanEmail = clean(email);
    if (cleanEmail != null && !cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.put("email", "« " + cleanEmail + " » n'est pas une adresse électronique.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Valid(
        cleanName,
        channel,
        cleanRef,
        cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT),
        active == null || active);
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
