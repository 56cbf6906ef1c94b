package fr.secondevie.donation;

import java.time.LocalDate;
import java.util.List;

/**
 * The handover as the technician recorded it (form {@code hand-over-equipment}).
 *
 * @param items what was handed over with the device (power supply, keyboard…)
 */
record Handover(
    LocalDate handedOverOn,
    String recipientName,
    String recipientRole,
    String signedReceiptRef,
    List<String> items,
    String notes) {

  Handover {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
