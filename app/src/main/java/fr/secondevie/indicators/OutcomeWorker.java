package fr.secondevie.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.JobOperations;
import fr.secondevie.indicators.OutcomeService.RecordOutcome;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * {@code indicators.record-outcome}: one outcome fact per asset. In: {@code assetId}, {@code
 * campaignId}, {@code outcome}, {@code route}, {@code routeReason}, {@code routeArbitrated}, {@code
 * sanitizationOutcome} and, when present, {@code reconditioningReport}, {@code handover}, {@code
 * dismantling}. Out: nothing.
 */
@Component
public class OutcomeWorker {

  private final OutcomeService outcomes;

  OutcomeWorker(OutcomeService outcomes) {
    this.outcomes = outcomes;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(
      Long assetId,
      Long campaignId,
      String outcome,
      String route,
      String routeReason,
      Boolean routeArbitrated,
      String sanitizationOutcome,
      ReconditioningReport reconditioningReport,
      Handover handover,
      Dismantling dismantling) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReconditioningReport(String workDone, Double lifetimeExtensionYears, Long costCents) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Handover(String handedOverOn, String recipientName) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Dismantling(
      Long lotId, Long adaptedCompanyId, String wasteTrackingNumber, Double weightKg) {}

  @JobWorker(type = JobTypes.RECORD_OUTCOME)
  public void recordOutcome(ActivatedJob job, @VariablesAsType Input input) {
    if (input.assetId() == null) {
      throw new IllegalArgumentException("Expected variable assetId but it is missing");
    }
    ReconditioningReport r = input.reconditioningReport();
    Handover h = input.handover();
    Dismantling d = input.dismantling();
    outcomes.record(
        new RecordOutcome(
            input.assetId(),
            input.campaignId(),
            job.getProcessInstanceKey(),
            input.outcome(),
            input.route(),
            input.routeReason(),
            input.routeArbitrated(),
            input.sanitizationOutcome(),
            r == null || r.lifetimeExtensionYears() == null
                ? null
                : BigDecimal.valueOf(r.lifetimeExtensionYears()),
            r == null ? null : r.costCents(),
            h == null ? null : h.recipientName(),
            h == null || h.handedOverOn() == null || h.handedOverOn().length() < 10
                ? null
                : LocalDate.parse(h.handedOverOn().substring(0, 10)),
            d == null ? null : d.lotId(),
            d == null ? null : d.adaptedCompanyId(),
            d == null ? null : d.wasteTrackingNumber(),
            d == null || d.weightKg() == null ? null : BigDecimal.valueOf(d.weightKg()),
            JobOperations.operationId(job)));
  }
}
