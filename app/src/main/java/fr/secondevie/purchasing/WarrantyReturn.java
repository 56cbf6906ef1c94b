package fr.secondevie.purchasing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit of an order sent back to its supplier under warranty (table {@code
 * purchase_warranty_return}).
 */
record WarrantyReturn(
    long id,
    long orderId,
    long assetId,
    String inventoryNumber,
    String serialNumber,
    LocalDate returnedOn,
    Remedy remedy,
    String reason,
    String recordedBy,
    Instant recordedAt) {

  /** What the hospital asks of the supplier. */
  enum Remedy {
    REPAIR("réparation"),
    REPLACEMENT("remplacement"),
    REFUND("remboursement");

    private final String label;

    Remedy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
