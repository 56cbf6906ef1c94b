package fr.secondevie.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.campaigns.CampaignWorkers.CloseInput;
import fr.secondevie.campaigns.CampaignWorkers.SummaryVariable;
import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.indicators.OutcomeService;
import fr.secondevie.indicators.OutcomeService.RecordOutcome;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryCommands.AssignRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.AssetRouteDecision;
import fr.secondevie.processes.RenewalCampaignProcess;
import fr.secondevie.processes.RenewalCampaignProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Campaigns: creation rules, the three workers, progress from recorded facts, pages and roles. */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired CampaignService campaigns;
  @Autowired CampaignWorkers workers;
  @Autowired InventoryService inventory;
  @Autowired fr.secondevie.inventory.InspectionService inspections;
  @Autowired OutcomeService outcomes;
  @Autowired NotificationService notifications;
  @Autowired fr.secondevie.notification.NotificationProperties addresses;
  @Autowired MockMvc mvc;
  @Autowired io.camunda.client.CamundaClient camunda;
  @Autowired JdbcTemplate jdbc;

  Asset a1;
  Asset a2;
  Asset a3;

  @BeforeEach
  void threeAssetsInService() {
    TestDatabase.clean(jdbc);
    a1 = Assets.desktop(inventory);
    a2 = Assets.desktop(inventory);
    a3 =
        Assets.register(
            inventory, AssetCategory.MONITOR, "Pharmacie", LocalDate.of(2017, 3, 1), 18000L);
  }

  Campaign draft(Asset... assets) {
    return campaigns.create(
        new CreateCampaign(
            "Renouvellement 2026",
            java.util.Arrays.stream(assets).map(Asset::id).toList(),
            null,
            null,
            "gestionnaire"));
  }

  void startedWithoutEngine(Campaign c) {
    jdbc.update(
        "UPDATE campaign SET state = 'STARTED', process_instance_key = 1 WHERE id = ?", c.id());
  }

  @Test
  void shouldCreateADraftWithItsAssetsInOrder() {
    Campaign campaign = draft(a2, a1);

    assertThat(campaign.state()).isEqualTo(Campaign.State.DRAFT);
    assertThat(campaign.assetCount()).isEqualTo(2);
    assertThat(campaign.selection()).isEqualTo("2 équipement(s) choisi(s) dans l'inventaire");
    assertThat(campaigns.assetsOf(campaign.id())).containsExactly(a2.id(), a1.id());
  }

  @Test
  void shouldTakeEveryRetirableAssetOfASite() {
    Assets.moveTo(inventory, a2, AssetStatus.DECOMMISSIONING);

    Campaign campaign =
        campaigns.create(
            new CreateCampaign(
                "Site CN", List.of(), "Hôpital Charles-Nicolle", null, "gestionnaire"));

    assertThat(campaigns.assetsOf(campaign.id())).containsExactlyInAnyOrder(a1.id(), a3.id());
    assertThat(campaign.selection()).contains("Hôpital Charles-Nicolle");
  }

  @Test
  void shouldRefuseANamelessCampaignAssetsAlreadyTakenOrNotRetirable() {
    draft(a1);
    Assets.moveTo(inventory, a2, AssetStatus.DECOMMISSIONING);

    assertThatThrownBy(
            () ->
                campaigns.create(
                    new CreateCampaign(" ", List.of(a1.id(), a2.id(), a3.id()), null, null, "g")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors()).containsEntry("name", "Donnez un nom à la campagne.");
              assertThat(e.errors().get("assetIds"))
                  .contains("ni en service ni en stock", "n° " + a2.id());
            });
    assertThatThrownBy(
            () -> campaigns.create(new CreateCampaign("x", List.of(a1.id()), null, null, "g")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get("assetIds")).contains("déjà partie d'une campagne"));
    assertThatThrownBy(() -> campaigns.create(new CreateCampaign("x", List.of(), null, null, "g")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Integer.class)).isEqualTo(1);
  }

  @Test
  void shouldListTheRefusedFieldsInTheFormsOrder() {
    // given: a campaign without a name and with an asset that is not retirable
    Assets.moveTo(inventory, a2, AssetStatus.DECOMMISSIONING);
    CreateCampaign nameless = new CreateCampaign(" ", List.of(a2.id()), null, null, "g");

    // when
    Throwable refused = catchThrowable(() -> campaigns.create(nameless));

    // then: the name first, then the assets, as the form shows them
    assertThat(refused)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors().keySet()).containsExactly("name", "assetIds");
              assertThat(e.inputErrors())
                  .extracting(InputError::field)
                  .containsExactly("name", "assetIds");
            });
  }

  @Test
  void shouldShowTheRefusedFieldsOnThePageInTheFormsOrder() throws Exception {
    // given: no name, and a site without any retirable asset
    String site = "Aucun site de ce nom";

    // when
    var page =
        mvc.perform(
            post("/campaigns")
                .with(MANAGER)
                .with(csrf())
                .param("name", "")
                .param("mode", "site")
                .param("campaignSite", site));

    // then: the name's message first, then the site's, each linked to its field
    page.andExpect(status().isOk())
        .andExpect(xpath("count(//div[@id='erreurs']/ul/li)").number(2.0))
        .andExpect(xpath("//div[@id='erreurs']/ul/li[1]/a/@href").string("#name"))
        .andExpect(xpath("//div[@id='erreurs']/ul/li[1]/a").string("Donnez un nom à la campagne."))
        .andExpect(xpath("//div[@id='erreurs']/ul/li[2]/a/@href").string("#campaignSite"))
        .andExpect(
            xpath("//div[@id='erreurs']/ul/li[2]/a")
                .string("Aucun équipement en service ou en stock ne correspond sur ce site."))
        .andExpect(xpath("//p[@id='name-error']").string("Donnez un nom à la campagne."));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Integer.class)).isZero();
  }

  @Test
  void shouldOpenReportAndCloseThroughTheWorkersOnce() {
    // given
    Campaign campaign = draft(a1, a2, a3);
    startedWithoutEngine(campaign);

    // when
    Map<String, Object> opened = workers.open(campaign.id());
    Map<String, Object> openedAgain = workers.open(campaign.id());
    ActivatedJob report = Jobs.job(JobTypes.REPORT_PROGRESS, "report-campaign-progress");
    workers.reportProgress(report, campaign.id());
    workers.reportProgress(report, campaign.id());
    CloseInput close = new CloseInput(campaign.id(), new SummaryVariable(3, 1, 1, 0, 1, 0, 2));
    workers.close(close);
    workers.close(close);

    // then
    assertThat(opened)
        .isEqualTo(Map.of("assetIds", List.of(a1.id(), a2.id(), a3.id())))
        .isEqualTo(openedAgain);
    assertThat(
            notifications.latest(500).stream()
                .filter(
                    n ->
                        n.operationId()
                            .startsWith("campaign-progress:" + report.getProcessInstanceKey()))
                .toList())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("gestion-parc@chu.example");
              assertThat(n.subject()).contains("Renouvellement 2026", "0 %");
              assertThat(n.body())
                  .isEqualTo(
                      """
                      Bonjour,

                      Avancement de la campagne « Renouvellement 2026 » : 0 équipement(s) \
                      traité(s) sur 3 (0 %%).

                      Étapes (statut dans l'inventaire) :
                      - En service : 3

                      Orientations décidées :
                      - Réemploi interne : 0
                      - Don : 0
                      - Reconditionnement : 0
                      - Recyclage (entreprise adaptée) : 0

                      Suivi : %s/campaigns/%d
                      --
                      Seconde Vie
                      """
                          .formatted(addresses.appUrl(), campaign.id()));
            });
    Campaign closed = campaigns.find(campaign.id()).orElseThrow();
    assertThat(closed.state()).isEqualTo(Campaign.State.CLOSED);
    assertThat(closed.summary()).isEqualTo(new Campaign.Summary(3, 1, 1, 0, 1, 0, 2));
    assertThat(closed.lastProgressReportAt()).isNotNull();
  }

  @Test
  void shouldCountProgressFromStatusesRoutesAndOutcomeFacts() {
    // given
    Campaign campaign = draft(a1, a2, a3);
    Assets.attestedWithoutStorage(inspections, a1);
    Assets.moveTo(
        inventory, a1, AssetStatus.DECOMMISSIONING, AssetStatus.SANITIZING, AssetStatus.SANITIZED);
    inventory.assignRoute(
        new AssignRoute(a1.inventoryNumber(), DispositionRoute.DONATION, "r", "t", "route-a1"));
    Assets.moveTo(inventory, a2, AssetStatus.DECOMMISSIONING);
    outcomes.record(
        new RecordOutcome(
            a3.id(),
            campaign.id(),
            1L,
            "RECYCLE",
            "RECYCLE",
            null,
            false,
            "NO_STORAGE",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "fact-a3"));

    // when
    CampaignProgress progress = campaigns.progress(campaign.id());

    // then
    assertThat(progress.assetCount()).isEqualTo(3);
    assertThat(progress.byStatus())
        .containsEntry(AssetStatus.SANITIZED, 1L)
        .containsEntry(AssetStatus.DECOMMISSIONING, 1L)
        .containsEntry(AssetStatus.IN_SERVICE, 1L)
        .containsEntry(AssetStatus.DONATED, 0L);
    assertThat(progress.byRoute())
        .containsEntry(DispositionRoute.DONATION, 1L)
        .containsEntry(DispositionRoute.RECYCLE, 0L);
    assertThat(progress.byOutcome()).containsEntry("RECYCLE", 1L).containsEntry("DONATION", 0L);
    assertThat(progress.done()).isEqualTo(1);
    assertThat(progress.percentDone()).isEqualTo(33);
    assertThat(progress.reuseOriented()).isZero();
  }

  @Test
  void shouldListAndShowCampaignsToEveryRoleButLetOnlyManagersCreate() throws Exception {
    Campaign campaign = draft(a1);

    mvc.perform(get("/campaigns").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//table/caption").exists())
        .andExpect(
            xpath("//a[text()='Renouvellement 2026']/@href").string("/campaigns/" + campaign.id()));
    mvc.perform(get("/campaigns/new").with(TECHNICIAN)).andExpect(status().isForbidden());
    mvc.perform(
            post("/campaigns")
                .with(TECHNICIAN)
                .with(csrf())
                .param("name", "x")
                .param("assetIds", a2.id().toString()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/campaigns/" + campaign.id()).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//form[contains(@action, '/start')]").doesNotExist())
        .andExpect(
            xpath("//section[@id='progress']/@hx-get")
                .string("/campaigns/" + campaign.id() + "/progress"));
  }

  @Test
  void shouldCreateACampaignFromTheCheckedAssets() throws Exception {
    mvc.perform(get("/campaigns/new").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//label[@for='name']").exists())
        .andExpect(
            xpath("//input[@type='checkbox' and @value='" + a1.id() + "']/@id")
                .string("asset-" + a1.id()))
        .andExpect(xpath("//label[@for='asset-" + a1.id() + "']").string(a1.inventoryNumber()))
        .andExpect(xpath("//fieldset/legend").string("Équipements de la campagne"));

    mvc.perform(
            post("/campaigns")
                .with(MANAGER)
                .with(csrf())
                .param("name", "Postes de cardiologie")
                .param("mode", "selection")
                .param("assetIds", a1.id().toString(), a2.id().toString()))
        .andExpect(redirectedUrlPattern("/campaigns/*"))
        .andExpect(flash().attribute("message", containsString("2 équipement(s)")));
    assertThat(campaigns.latest())
        .singleElement()
        .satisfies(c -> assertThat(c.assetCount()).isEqualTo(2));
  }

  @Test
  void shouldShowTheErrorsTiedToTheirFieldsAndCreateNothing() throws Exception {
    mvc.perform(
            post("/campaigns").with(MANAGER).with(csrf()).param("name", "").param("mode", "site"))
        .andExpect(status().isOk())
        .andExpect(xpath("//div[@role='alert']").exists())
        .andExpect(xpath("//input[@id='name']/@aria-invalid").string("true"))
        .andExpect(xpath("//input[@id='name']/@aria-describedby").string("name-error"))
        .andExpect(xpath("//p[@id='name-error']").string("Donnez un nom à la campagne."))
        .andExpect(xpath("//input[@id='mode-site']/@checked").exists());
    assertThat(campaigns.latest()).isEmpty();
  }

  @Test
  void shouldStartCampaignProcessThatOpensItAndRetiresEachAssetOnce() throws Exception {
    // given: the models (deployed at startup, but process tests purge the shared engine)
    camunda
        .newDeployResourceCommand()
        .addResourceFromClasspath("models/" + RenewalCampaignProcess.RESOURCE)
        .addResourceFromClasspath("models/" + AssetEndOfLifeProcess.RESOURCE)
        .addResourceFromClasspath("models/" + AssetRouteDecision.RESOURCE)
        .send()
        .join();
    Campaign campaign = draft(a1, a3);

    // when
    mvc.perform(post("/campaigns/" + campaign.id() + "/start").with(MANAGER).with(csrf()))
        .andExpect(redirectedUrl("/campaigns/" + campaign.id()))
        .andExpect(flash().attribute("message", containsString("Campagne lancée")));

    // then: P1 runs campaign.open, then P2 per asset, whose first task retires it; each P2 then
    // waits for its collection (a user task)
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                campaigns.find(campaign.id()).orElseThrow().state() == Campaign.State.OPEN
                    && campaigns.progress(campaign.id()).byStatus().get(AssetStatus.DECOMMISSIONING)
                        == 2L);
    Campaign started = campaigns.find(campaign.id()).orElseThrow();
    assertThat(started.processInstanceKey()).isPositive();
    assertThat(started.startedBy()).isEqualTo("gestionnaire");
    assertThat(inventory.custodyOf(a1.id()))
        .anySatisfy(
            e -> assertThat(e.details()).contains("asset-end-of-life", "mark-decommissioning"));

    // and a second start is refused, the campaign keeps its process
    mvc.perform(post("/campaigns/" + campaign.id() + "/start").with(MANAGER).with(csrf()))
        .andExpect(flash().attribute("failure", containsString("déjà « En cours »")));
    assertThat(campaigns.find(campaign.id()).orElseThrow().processInstanceKey())
        .isEqualTo(started.processInstanceKey());
    // leave no instance behind for the workers of other modules sharing this engine
    camunda.newCancelInstanceCommand(started.processInstanceKey()).send().join();
  }

  @Test
  void shouldServeTheProgressFragmentUntilClosed() throws Exception {
    Campaign campaign = draft(a1, a2);

    mvc.perform(get("/campaigns/" + campaign.id() + "/progress").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
        .andExpect(
            content()
                .string(
                    containsString("0</span> équipement(s) traité(s) sur\n    <span>2</span>")));
  }
}
