package fr.secondevie.purchasing;

/**
 * A unit delivered: accepted (registered under {@code inventoryNumber}) or refused with its reason.
 *
 * @param deliveryNo the delivery of the order that brought it (1 for the first)
 */
record ReceptionUnit(
    String serialNumber,
    boolean accepted,
    String refusalReason,
    String inventoryNumber,
    int deliveryNo) {

  /** A unit of the delivery being recorded. */
  ReceptionUnit(
      String serialNumber, boolean accepted, String refusalReason, String inventoryNumber) {
    this(serialNumber, accepted, refusalReason, inventoryNumber, 0);
  }
}
