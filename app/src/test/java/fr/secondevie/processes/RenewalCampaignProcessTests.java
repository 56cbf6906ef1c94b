package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.campaigns.Campaign;
import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.indicators.OutcomeFact;
import fr.secondevie.indicators.OutcomeService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess.ReconditioningResults;
import fr.secondevie.processes.RenewalCampaignProcess.Elements;
import fr.secondevie.reconditioning.Reconditioners;
import fr.secondevie.recycling.AdaptedCompanies;
import fr.secondevie.support.Assets;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestDatabase;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Process Test (REMOTE mode) of P1 {@code equipment-renewal-campaign} started by the
 * campaign service: opened by its worker, one P2 per asset, the weekly progress report, the summary
 * and the closing recorded on the campaign.
 */
@SpringBootTest
@CamundaSpringProcessTest
class RenewalCampaignProcessTests {

  @Autowired CamundaProcessTestContext context;
  @Autowired CampaignService campaigns;
  @Autowired InventoryService inventory;
  @Autowired NotificationService notifications;
  @Autowired OutcomeService outcomes;
  @Autowired ApplicationContext application;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  Asset a1;
  Asset a2;

  /**
   * Leaves the shared engine with the application's models, as its startup deployed them, and the
   * reconditioners as the migration created them.
   */
  @AfterAll
  static void restore(@Autowired Environment environment, @Autowired ApplicationContext context) {
    EngineModels.redeploy(environment);
    Reconditioners.restore(context);
  }

  @BeforeEach
  void twoAssetsInService() {
    Reconditioners.clean(jdbc);
    AdaptedCompanies.clean(jdbc);
    TestDatabase.clean(jdbc);
    a1 = Assets.desktop(inventory);
    a2 = Assets.desktop(inventory);
  }

  Campaign start() {
    return start(a1, a2);
  }

  Campaign start(Asset... assets) {
    Campaign draft =
        campaigns.create(
            new CreateCampaign(
                "Renouvellement 2026",
                java.util.Arrays.stream(assets).map(Asset::id).toList(),
                null,
                null,
                "gestionnaire"));
    return campaigns.start(draft.id(), "gestionnaire");
  }

  /** A desktop bought in 2015: over ten years old, recycled. */
  Asset veryOldDesktop() {
    return Assets.register(
        inventory, AssetCategory.DESKTOP, "Pharmacie", LocalDate.of(2015, 2, 3), 68_000L);
  }

  /** A monitor bought in 2023: reused internally when it works. */
  Asset recentMonitor() {
    return Assets.register(
        inventory, AssetCategory.MONITOR, "Accueil", LocalDate.of(2023, 6, 1), 21_000L);
  }

  LocalDate today() {
    return EndOfLifeFixtures.today(clock);
  }

  /** The technician's collect-asset form: grade B, working, no storage left inside. */
  static Map<String, Object> collected() {
    return WipeAndRouteProcessTests.collected();
  }

  /** P3's user tasks for the one open lot, as the technician and the asset manager submit them. */
  void dismantleTheLot(int units) {
    EndOfLifeFixtures.dismantleTheLot(context, today(), units);
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

  @Test
  void shouldCarryEveryAssetToItsRouteThenSummarizeAndCloseTheCampaign() {
    // given: a monitor for the workshop, two old desktops for one lot of two
    Reconditioners.workshop(application);
    AdaptedCompanies.underContract(application, "Les Ateliers du Cailly", 2);
    Asset monitor = recentMonitor();
    Asset desktop1 = veryOldDesktop();
    Asset desktop2 = veryOldDesktop();
    Campaign campaign = start(monitor, desktop1, desktop2);

    // when: the technicians collect the three assets
    for (int i = 0; i < 3; i++) {
      context.completeUserTask(
          UserTaskSelectors.byElementId(AssetEndOfLifeProcess.Elements.COLLECT_ASSET), collected());
    }
    // the workshop reports the monitor done
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(
            () ->
                Reconditioners.completeTheOrderOf(
                        application, monitor.id(), ReconditioningResults.RECONDITIONED)
                    != null);
    // the adapted company dismantles the lot of the two desktops
    dismantleTheLot(2);

    // then
    assertThat(ProcessInstanceSelectors.byKey(campaign.processInstanceKey()))
        .isCompleted()
        .hasCompletedElements(
            Elements.OPEN_CAMPAIGN,
            Elements.SUMMARIZE_CAMPAIGN,
            Elements.CLOSE_CAMPAIGN,
            Elements.CAMPAIGN_CLOSED)
        .hasCompletedElement(Elements.PROCESS_ASSETS, 4) // the body and one per asset
        .hasVariable("outcomes", List.of("INTERNAL_REUSE", "RECYCLE", "RECYCLE"));
    assertThat(ProcessInstanceSelectors.byProcessId(AssetEndOfLifeProcess.PROCESS_ID))
        .isCompleted();
    Campaign closed = campaigns.find(campaign.id()).orElseThrow();
    assertThat(closed.state()).isEqualTo(Campaign.State.CLOSED);
    assertThat(closed.summary()).isEqualTo(new Campaign.Summary(3, 1, 0, 0, 2, 0, 1));
    assertThat(inventory.findById(monitor.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.IN_STOCK);
    assertThat(List.of(desktop1, desktop2))
        .allSatisfy(
            d -> {
              assertThat(inventory.findById(d.id()).orElseThrow().status())
                  .isEqualTo(AssetStatus.RECYCLED);
              assertThat(inventory.verifyCustody(d.id()).valid()).isTrue();
            });
    assertThat(
            List.of(monitor, desktop1, desktop2).stream()
                .flatMap(a -> outcomes.factsOf(a.id()).stream())
                .toList())
        .extracting(OutcomeFact::campaignId, OutcomeFact::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(campaign.id(), "INTERNAL_REUSE"),
            org.assertj.core.groups.Tuple.tuple(campaign.id(), "RECYCLE"),
            org.assertj.core.groups.Tuple.tuple(campaign.id(), "RECYCLE"));
  }
}
