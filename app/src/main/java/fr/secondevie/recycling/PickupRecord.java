package fr.secondevie.recycling;

import fr.secondevie.common.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pickup of a lot as the technician confirmed it (form {@code confirm-pickup}), checked.
 *
 * @param weightKg weighed at the pickup, one decimal
 */
record PickupRecord(
    LocalDate pickedUpOn,
    int unitCount,
    BigDecimal weightKg,
    WasteTrackingNumber wasteTrackingNumber,
    String carrier,
    String notes) {

  static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("100000");

  /**
   * @param closedOn the lot's closing date: the pickup cannot precede it
   * @param today the pickup cannot follow it
   * @throws InvalidInputException naming every wrong field
   */
  static PickupRecord validate(
      LocalDate pickedUpOn,
      Integer unitCount,
      BigDecimal weightKg,
      String wasteTrackingNumber,
      String carrier,
      String notes,
      LocalDate closedOn,
      LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (pickedUpOn == null) {
      errors.put("pickedUpOn", "Indiquez la date de l'enlèvement.");
    } else if (pickedUpOn.isAfter(today)) {
      errors.put("pickedUpOn", "La date de l'enlèvement (" + pickedUpOn + ") est dans le futur.");
    } else if (closedOn != null && pickedUpOn.isBefore(closedOn)) {
      errors.put(
          "pickedUpOn",
          "L'enlèvement ("
              + pickedUpOn
              + ") ne peut précéder la clôture du lot ("
              + closedOn
              + ").");
    }
    if (unitCount == null || unitCount < 1) {
      errors.put("unitCount", "Le nombre d'unités enlevées doit être d'au moins 1.");
    }
    BigDecimal weight = null;
    if (weightKg == null || weightKg.signum() <= 0) {
      errors.put("weightKg", "Le poids enlevé doit être positif.");
    } else if (weightKg.compareTo(MAX_WEIGHT_KG) > 0) {
      errors.put("weightKg", "Le poids dépasse " + MAX_WEIGHT_KG + " kg.");
    } else {
      weight = weightKg.setScale(1, java.math.RoundingMode.HALF_UP);
    }
    StringBuilder bsdError = new StringBuilder();
    Optional<WasteTrackingNumber> bsd =
        WasteTrackingNumber.parse(
            wasteTrackingNumber, pickedUpOn == null ? today : pickedUpOn, bsdError);
    if (bsd.isEmpty()) {
      errors.put("wasteTrackingNumber", bsdError.toString());
    }
    String cleanCarrier = carrier == null || carrier.isBlank() ? null : carrier.strip();
    if (cleanCarrier == null) {
      errors.put("carrier", "Indiquez le transporteur.");
    } else if (cleanCarrier.length() > 120) {
      errors.put("carrier", "Le nom du transporteur dépasse 120 caractères.");
    }
    String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
    if (cleanNotes != null && cleanNotes.length() > 2000) {
      errors.put("notes", "Les observations dépassent 2 000 caractères.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new PickupRecord(pickedUpOn, unitCount, weight, bsd.get(), cleanCarrier, cleanNotes);
  }
}
