package fr.secondevie.indicators;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records outcome facts (idempotent by operation id) and counts them for other modules. */
@Service
@Transactional
public class OutcomeService {

  /** Outcomes that count as reuse (décret 2023-266: numerator A of the reuse rate). */
  public static final Set<String> REUSE_ORIENTED =
      Set.of("INTERNAL_REUSE", "DONATION", "RECONDITION");

  static final Set<String> OUTCOMES =
      Set.of("INTERNAL_REUSE", "DONATION", "RECONDITION", "RECYCLE");

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final InventoryService inventory;
  private final OutcomeFactRepository facts;
  private final JdbcClient jdbc;
  private final AvoidedEmissionLedger ledger;
  private final Clock clock;

  OutcomeService(
      InventoryService inventory,
      OutcomeFactRepository facts,
      JdbcClient jdbc,
      AvoidedEmissionLedger ledger,
      Clock clock) {
    this.inventory = inventory;
    this.facts = facts;
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** What the process knows at its end (variables of {@code indicators.record-outcome}). */
  public record RecordOutcome(
      long assetId,
      Long campaignId,
      long processInstanceKey,
      String outcome,
      String route,
      String routeReason,
      Boolean routeArbitrated,
      String sanitizationOutcome,
      BigDecimal lifetimeExtensionYears,
      Long reconditioningCostCents,
      String recipientName,
      LocalDate handedOverOn,
      Long dismantlingLotId,
      Long adaptedCompanyId,
      String wasteTrackingNumber,
      BigDecimal weightKg,
      String operationId) {}

  /**
   * @throws IllegalArgumentException unknown asset or an outcome other than the four routes
   */
  public OutcomeFact record(RecordOutcome c) {
    Optional<OutcomeFact> done = facts.findByOperationId(c.operationId());
    if (done.isPresent()) {
      return done.get();
    }
    if (c.outcome() == null || !OUTCOMES.contains(c.outcome())) {
      throw new IllegalArgumentException(
          "Expected outcome INTERNAL_REUSE, DONATION, RECONDITION or RECYCLE but got "
              + c.outcome());
    }
    Asset asset =
        inventory
            .findById(c.assetId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + c.assetId() + " dans l'inventaire"));
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    OutcomeFact saved =
        facts.save(
            new OutcomeFact(
                null,
                asset.id(),
                asset.inventoryNumber(),
                asset.category().name(),
                asset.site(),
                c.campaignId(),
                c.processInstanceKey(),
                c.outcome(),
                c.route(),
                truncate(c.routeReason(), 1000),
                c.routeArbitrated(),
                REUSE_ORIENTED.contains(c.outcome()),
                c.sanitizationOutcome(),
                today,
                today.getYear(),
                asset.acquisitionDate(),
                asset.acquisitionCostCents(),
                age(asset.acquisitionDate(), today),
                c.weightKg(),
                c.lifetimeExtensionYears(),
                c.reconditioningCostCents(),
                truncate(c.recipientName(), 255),
                c.handedOverOn(),
                c.dismantlingLotId(),
                c.adaptedCompanyId(),
                truncate(c.wasteTrackingNumber(), 80),
                c.operationId(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    ledger.post(saved);
    return saved;
  }

  /** The facts recorded for an asset, oldest first. */
  @Transactional(readOnly = true)
  public List<OutcomeFact> factsOf(long assetId) {
    return facts.findByAssetId(assetId);
  }

  /** Number of facts per outcome for a campaign. */
  @Transactional(readOnly = true)
  public Map<String, Long> countByOutcome(long campaignId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT outcome, COUNT(*) AS n FROM outcome_fact WHERE campaign_id = :id"
                + " GROUP BY outcome")
        .param("id", campaignId)
        .query((rs, i) -> counts.put(rs.getString("outcome"), rs.getLong("n")))
        .list();
    return counts;
  }

  static BigDecimal age(LocalDate acquired, LocalDate on) {
    if (acquired == null || acquired.isAfter(on)) {
      return null;
    }
    long full = ChronoUnit.YEARS.between(acquired, on);
    LocalDate last = acquired.plusYears(full);
    double fraction =
        (double) ChronoUnit.DAYS.between(last, on)
            / ChronoUnit.DAYS.between(last, acquired.plusYears(full + 1));
    return BigDecimal.valueOf(full + fraction).setScale(6, RoundingMode.HALF_UP);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
