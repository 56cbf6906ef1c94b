package fr.secondevie.purchasing;

import java.time.LocalDate;
import java.util.Set;

/**
 * An order placed for a request (table {@code purchase_order}), received in one delivery or more.
 *
 * @param receivedCount units accepted over all deliveries (null before the first)
 * @param refusedCount units refused over all deliveries (null before the first)
 * @param lastDeliveryReceived units accepted by the last delivery
 * @param lastDeliveryRefused units refused by the last delivery
 */
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
    String receptionNotes,
    String selectedBy,
    String receivedBy,
    int deliveryCount,
    String lastReceptionOperation,
    Integer lastDeliveryReceived,
    Integer lastDeliveryRefused,
    int replacementsRequested,
    String lastReplacementOperation,
    String closedReason,
    String closedBy) {

  static final String ORDERED = "ORDERED";

  /** Some units received; the others refused or not delivered, still due. */
  static final String PARTIALLY_RECEIVED = "PARTIALLY_RECEIVED";

  static final String RECEIVED = "RECEIVED";

  /** Closed by the buyer with the units received, the others no longer awaited. */
  static final String CLOSED = "CLOSED";

  /** The statuses in which a delivery is awaited. */
  static final Set<String> AWAITING_DELIVERY = Set.of(ORDERED, PARTIALLY_RECEIVED);

  public boolean awaitsDelivery() {
    return AWAITING_DELIVERY.contains(status);
  }

  /** Units accepted so far. */
  public int accepted() {
    return receivedCount == null ? 0 : receivedCount;
  }

  /** Units still due: ordered and not accepted (refused or not delivered). */
  public int missing() {
    return quantity - accepted();
  }

  /** The order's status in French. */
  public String statusLabel() {
    return switch (status) {
      case ORDERED -> "commandée";
      case PARTIALLY_RECEIVED -> "réception partielle";
      case RECEIVED -> "réceptionnée";
      case CLOSED -> "close incomplète";
      default -> status;
    };
  }
}
