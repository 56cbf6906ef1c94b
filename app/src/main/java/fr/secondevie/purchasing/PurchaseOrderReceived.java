package fr.secondevie.purchasing;

import java.time.LocalDate;

/**
 * A purchase order was received: its spend, excluding VAT, for the ledger the AGEC share is
 * computed from. Published once per order, in the transaction recording the reception.
 *
 * @param orderReference the order's reference, which an accounting line of the same purchase
 *     carries too
 * @param amountCents accepted units × unit price excl. VAT, in euro cents
 * @param reconditioned the units are reconditioned (counted as reuse), otherwise new
 */
public record PurchaseOrderReceived(
    String orderReference,
    LocalDate receivedOn,
    String supplierName,
    String label,
    long amountCents,
    boolean reconditioned) {}
