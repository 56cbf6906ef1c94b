package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.campaigns.Campaign;
import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.RenewalCampaignProcess.Elements;
import fr.secondevie.support.Assets;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestDatabase;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Process Test (REMOTE mode) of P1 {@code equipment-renewal-campaign} started by the
 * campaign service: opened by its worker, one P2 per asset, the weekly progress report, the summary
 * and the closing recorded on the campaign.
 */
@SpringBootTest(properties = "camunda.process-test.runtime-mode=remote")
@CamundaSpringProcessTest
class RenewalCampaignProcessTests {

  @Autowired CamundaProcessTestContext context;
  @Autowired CampaignService campaigns;
  @Autowired InventoryService inventory;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  Asset a1;
  Asset a2;

  /** Leaves the shared engine with the application's models, as its startup deployed them. */
  @AfterAll
  static void redeployTheModels(@Autowired Environment environment) {
    EngineModels.redeploy(environment);
  }

  @BeforeEach
  void twoAssetsInService() {
    TestDatabase.clean(jdbc);
    a1 = Assets.desktop(inventory);
    a2 = Assets.desktop(inventory);
  }

  Campaign start() {
    Campaign draft =
        campaigns.create(
            new CreateCampaign(
                "Renouvellement 2026", List.of(a1.id(), a2.id()), null, null, "gestionnaire"));
    return campaigns.start(draft.id(), "gestionnaire");
  }

  @Test
  void shouldProcessEveryAssetThenSummarizeAndCloseTheCampaign() {
    // given: each asset's own process is replaced by its outcome
    context.mockChildProcess(AssetEndOfLifeProcess.PROCESS_ID, Map.of("outcome", "DONATION"));

    // when
    Campaign campaign = start();

    // then
    assertThat(ProcessInstanceSelectors.byKey(campaign.processInstanceKey()))
        .isCompleted()
        .hasCompletedElements(
            Elements.CAMPAIGN_STARTED,
            Elements.OPEN_CAMPAIGN,
            Elements.PROCESS_ASSETS,
            Elements.SUMMARIZE_CAMPAIGN,
            Elements.CLOSE_CAMPAIGN,
            Elements.CAMPAIGN_CLOSED)
        .hasCompletedElement(Elements.PROCESS_ASSETS, 3)
        .hasVariableSatisfies(
            "assetIds",
            List.class,
            ids ->
                assertThat(((List<?>) ids).stream().map(id -> ((Number) id).longValue()).toList())
                    .containsExactly(a1.id(), a2.id()))
        .hasVariable("outcomes", List.of("DONATION", "DONATION"));
    Campaign closed = campaigns.find(campaign.id()).orElseThrow();
    assertThat(closed.state()).isEqualTo(Campaign.State.CLOSED);
    assertThat(closed.summary()).isEqualTo(new Campaign.Summary(2, 0, 2, 0, 0, 0, 2));
  }

  @Test
  void shouldRetireEachAssetAndReportProgressEveryWeek() {
    // when
    Campaign campaign = start();

    // then: each P2 retired its asset and waits for the collection
    assertThat(ProcessInstanceSelectors.byKey(campaign.processInstanceKey()))
        .hasCompletedElements(Elements.OPEN_CAMPAIGN)
        .hasActiveElements(Elements.PROCESS_ASSETS);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                inventory.findById(a2.id()).orElseThrow().status() == AssetStatus.DECOMMISSIONING);
    assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(Campaign.State.OPEN);

    // when a week passes
    context.increaseTime(Duration.ofDays(7));

    // then
    assertThat(ProcessInstanceSelectors.byKey(campaign.processInstanceKey()))
        .hasCompletedElements(Elements.REPORT_CAMPAIGN_PROGRESS, Elements.PROGRESS_REPORTED)
        .hasActiveElements(Elements.PROCESS_ASSETS);
    assertThat(
            notifications.latest(500).stream()
                .filter(
                    n ->
                        n.operationId()
                            .startsWith("campaign-progress:" + campaign.processInstanceKey()))
                .toList())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.body())
                    .contains("0 équipement(s) traité(s) sur 2", "Retrait en cours : 2"));
  }
}
