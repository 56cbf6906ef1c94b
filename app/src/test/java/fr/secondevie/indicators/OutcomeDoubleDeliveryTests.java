package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.indicators.OutcomeWorker.Input;
import fr.secondevie.indicators.OutcomeWorker.ReconditioningReport;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * indicators.record-outcome delivered to two workers at the same instant (two threads released
 * together): one fact. Same context as {@link OutcomeWorkerTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomeDoubleDeliveryTests {

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
  void shouldRecordOneFactWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
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
    Callable<Void> record =
        () -> {
          worker.recordOutcome(job, input);
          return null;
        };

    // when
    DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(record));

    // then
    assertThat(outcomes.factsOf(asset.id()))
        .singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo("RECONDITION"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM outcome_fact WHERE asset_id = ?", Integer.class, asset.id()))
        .isEqualTo(1);
  }
}
