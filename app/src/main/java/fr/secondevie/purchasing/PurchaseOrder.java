package fr.secondevie.purchasing;

import java.time.LocalDate;

/** An order placed for a request (table {@code purchase_order}). */
record PurchaseOrder(
    long id,
    long requestId,
    String reference,
    long offerId,
    String selectionReason,
    int quantity,
    LocalDate orderedOn,
    LocalDate expectedBy,
    String documentId,
    String status,
    int remindersSent,
    LocalDate receivedOn,
    Integer receivedCount,
    Integer refusedCount,
    String receptionNotes) {

  static final String ORDERED = "ORDERED";
  static final String RECEIVED = "RECEIVED";
}
