package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.indicators.OutcomeWorker.Dismantling;
import fr.secondevie.indicators.OutcomeWorker.Handover;
import fr.secondevie.indicators.OutcomeWorker.Input;
import fr.secondevie.indicators.OutcomeWorker.ReconditioningReport;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** indicators.record-outcome: one fact per asset, with what the process knows. */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomeWorkerTests {

  @Autowired OutcomeWorker worker;
  @Autowired OutcomeService outcomes;
  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void anAsset() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
  }

  @Test
  void shouldRecordOneFactOfAReconditionedAssetOnce() {
    // given
    ActivatedJob job = Jobs.job(JobTypes.RECORD_OUTCOME, "record-outcome");
    Input input =
        new Input(
            asset.id(),
            7L,
            "RECONDITION",
            "RECONDITION",
            "Batterie usée",
            false,
            "PASSED",
            new ReconditioningReport("Batterie changée", 3.0, 8900L),
            null,
            null);

    // when
    worker.recordOutcome(job, input);
    worker.recordOutcome(job, input);

    // then
    assertThat(outcomes.factsOf(asset.id()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("RECONDITION");
              assertThat(f.reuseOriented()).isTrue();
              assertThat(f.campaignId()).isEqualTo(7L);
              assertThat(f.category()).isEqualTo("DESKTOP");
              assertThat(f.sanitizationOutcome()).isEqualTo("PASSED");
              assertThat(f.lifetimeExtensionYears()).isEqualByComparingTo(new BigDecimal("3"));
              assertThat(f.reconditioningCostCents()).isEqualTo(8900L);
              assertThat(f.acquisitionCostCents()).isEqualTo(71240L);
              assertThat(f.ageYears()).isPositive();
              assertThat(f.weightKg()).isNull();
              assertThat(f.processInstanceKey()).isEqualTo(job.getProcessInstanceKey());
            });
    assertThat(outcomes.countByOutcome(7L)).containsEntry("RECONDITION", 1L);
  }

  @Test
  void shouldRecordDonationAndRecyclingDetails() {
    Asset other = Assets.desktop(inventory);

    worker.recordOutcome(
        Jobs.job(JobTypes.RECORD_OUTCOME, "record-outcome"),
        new Input(
            asset.id(),
            null,
            "DONATION",
            "DONATION",
            "r",
            false,
            "NO_STORAGE",
            null,
            new Handover("2026-04-02", "Association Emmaüs Connect"),
            null));
    worker.recordOutcome(
        Jobs.job(JobTypes.RECORD_OUTCOME, "record-outcome"),
        new Input(
            other.id(),
            null,
            "RECYCLE",
            "RECYCLE",
            "r",
            true,
            "MEDIA_DESTROYED",
            null,
            null,
            new Dismantling(12L, 3L, "BSD-2026-000123", null)));

    assertThat(outcomes.factsOf(asset.id()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recipientName()).isEqualTo("Association Emmaüs Connect");
              assertThat(f.handedOverOn()).isEqualTo(LocalDate.of(2026, 4, 2));
            });
    assertThat(outcomes.factsOf(other.id()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reuseOriented()).isFalse();
              assertThat(f.dismantlingLotId()).isEqualTo(12L);
              assertThat(f.wasteTrackingNumber()).isEqualTo("BSD-2026-000123");
              assertThat(f.routeArbitrated()).isTrue();
            });
  }

  @Test
  void shouldRefuseAnOutcomeOtherThanTheFourRoutes() {
    assertThatThrownBy(
            () ->
                worker.recordOutcome(
                    Jobs.job(JobTypes.RECORD_OUTCOME, "record-outcome"),
                    new Input(
                        asset.id(), null, "WITHDRAWN", null, null, null, null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outcomes.factsOf(asset.id())).isEmpty();
  }
}
