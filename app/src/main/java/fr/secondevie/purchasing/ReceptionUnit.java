package fr.secondevie.purchasing;

/** One unit delivered on an order: accepted (and inventoried) or refused with its reason. */
record ReceptionUnit(
    String serialNumber, boolean accepted, String refusalReason, String inventoryNumber) {}
