package fr.secondevie.donation;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A donation request as typed in or sent to the API, before checks. */
record RequestForm(Set<AssetCategory> categories, Integer quantity, String notes) {

  static final int MAX_QUANTITY = 10_000;

  static RequestForm empty() {
    return new RequestForm(Set.of(), 1, null);
  }

  /** Values checked. */
  record Valid(Set<AssetCategory> categories, int quantity, String notes) {}

  /**
   * @throws InvalidInputException with one message per wrong field
   */
  Valid validate() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (categories == null || categories.isEmpty()) {
      errors.put("categories", "Choisissez au moins une catégorie d'équipement.");
    } else {
      Set<AssetCategory> refused = EnumSet.copyOf(categories);
      refused.removeAll(DonationLaw.DONATABLE);
      if (!refused.isEmpty()) {
        errors.put(
            "categories",
            "Ces catégories ne peuvent pas être cédées : "
                + refused.stream().map(AssetCategory::label).collect(Collectors.joining(", "))
                + ".");
      }
    }
    if (quantity == null || quantity < 1) {
      errors.put("quantity", "La quantité demandée doit être d'au moins 1.");
    } else if (quantity > MAX_QUANTITY) {
      errors.put("quantity", "La quantité demandée dépasse " + MAX_QUANTITY + ".");
    }
    String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
    if (cleanNotes != null && cleanNotes.length() > 2000) {
      errors.put("notes", "Les observations dépassent 2 000 caractères.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Valid(EnumSet.copyOf(categories), quantity, cleanNotes);
  }
}
