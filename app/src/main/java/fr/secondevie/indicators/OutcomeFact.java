package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What happened to one asset at the end of its end-of-life process (docs/indicators.md).
 *
 * @param outcome the route carried out: INTERNAL_REUSE, DONATION, RECONDITION or RECYCLE
 * @param route the route last decided (equals the outcome unless a fallback changed it)
 * @param reuseOriented internal reuse, donation or reconditioning: the numerator of the décret
 *     2023-266 reuse rate
 * @param weightKg null when unknown (per-asset weights are not measured; lots are weighed)
 */
@Table("outcome_fact")
public record OutcomeFact(
    @Id Long id,
    long assetId,
    String inventoryNumber,
    String category,
    String site,
    Long campaignId,
    long processInstanceKey,
    String outcome,
    String route,
    String routeReason,
    Boolean routeArbitrated,
    boolean reuseOriented,
    String sanitizationOutcome,
    LocalDate outcomeDate,
    int outcomeYear,
    LocalDate acquisitionDate,
    Long acquisitionCostCents,
    BigDecimal ageYears,
    BigDecimal weightKg,
    BigDecimal lifetimeExtensionYears,
    Long reconditioningCostCents,
    String recipientName,
    LocalDate handedOverOn,
    Long dismantlingLotId,
    Long adaptedCompanyId,
    String wasteTrackingNumber,
    String operationId,
    Instant recordedAt) {}
