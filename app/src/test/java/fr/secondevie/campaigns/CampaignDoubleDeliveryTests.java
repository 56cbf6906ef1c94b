package fr.secondevie.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.campaigns.CampaignWorkers.CloseInput;
import fr.secondevie.campaigns.CampaignWorkers.SummaryVariable;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.RenewalCampaignProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The campaign workers (open, report progress, close) each given the same job twice at the same
 * instant (two threads released together): the campaign opened once, one progress e-mail, closed
 * once with its summary. Same context as {@link CampaignTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignDoubleDeliveryTests {

  @Autowired CampaignService campaigns;
  @Autowired CampaignWorkers workers;
  @Autowired InventoryService inventory;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  Campaign campaign;
  List<Long> assetIds;

  @BeforeEach
  void aStartedCampaignOfTwoAssets() {
    TestDatabase.clean(jdbc);
    Asset a1 = Assets.desktop(inventory);
    Asset a2 = Assets.desktop(inventory);
    assetIds = List.of(a1.id(), a2.id());
    campaign =
        campaigns.create(
            new CreateCampaign("Double envoi 2026", assetIds, null, null, "gestionnaire"));
    jdbc.update(
        "UPDATE campaign SET state = 'STARTED', process_instance_key = 1 WHERE id = ?",
        campaign.id());
  }

  @Test
  void shouldOpenTheCampaignOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // when
    List<Map<String, Object>> answers =
        DoubleDelivery.allAnswered(DoubleDelivery.twiceAtOnce(() -> workers.open(campaign.id())));

    // then: both deliveries answer the campaign's assets; the campaign is open
    assertThat(answers).containsOnly(Map.of("assetIds", assetIds));
    assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(Campaign.State.OPEN);
  }

  @Test
  void shouldSendOneProgressReportWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    workers.open(campaign.id());
    ActivatedJob job = Jobs.job(JobTypes.REPORT_PROGRESS, "report-campaign-progress");

    // when
    DoubleDelivery.allAnswered(
        DoubleDelivery.twiceAtOnce(
            () -> {
              workers.reportProgress(job, campaign.id());
              return null;
            }));

    // then: one e-mail for that firing of the timer
    assertThat(notifications.latest(500))
        .filteredOn(
            n -> n.operationId().startsWith("campaign-progress:" + job.getProcessInstanceKey()))
        .hasSize(1);
  }

  @Test
  void shouldCloseTheCampaignOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    workers.open(campaign.id());
    CloseInput close = new CloseInput(campaign.id(), new SummaryVariable(2, 1, 0, 0, 1, 0, 1));

    // when
    DoubleDelivery.allAnswered(
        DoubleDelivery.twiceAtOnce(
            () -> {
              workers.close(close);
              return null;
            }));

    // then
    Campaign closed = campaigns.find(campaign.id()).orElseThrow();
    assertThat(closed.state()).isEqualTo(Campaign.State.CLOSED);
    assertThat(closed.summary()).isEqualTo(new Campaign.Summary(2, 1, 0, 0, 1, 0, 1));
  }
}
