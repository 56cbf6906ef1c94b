package fr.secondevie.purchasing;

import java.math.BigDecimal;

/** A ranked offer (table {@code purchase_offer}). Money in euro cents excl. VAT. */
record Offer(
    long id,
    int rank,
    OfferSource source,
    Long supplierId,
    String supplierSiret,
    String supplierName,
    String contractReference,
    String contractLot,
    boolean reservedForAdaptedCompanies,
    boolean reconditioned,
    long unitPriceCents,
    int warrantyMonths,
    int deliveryDays,
    int maturityBonus,
    BigDecimal score) {}
