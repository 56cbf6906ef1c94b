package fr.secondevie.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.Assets;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's pages per role, against the test JVM's engine through the real Camunda client: the
 * asset manager reads and acts, the auditor reads without a button and is refused if he posts, the
 * technician is refused everything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsolePagesTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor AUDITOR = user("auditeur").roles("AUDITOR");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;

  ConsoleFixtures process;

  @BeforeEach
  void aProcessOfItsOwn() {
    process = ConsoleFixtures.deployed(client, 3);
  }

  String row(String processId) {
    return "//table[@id='versions']//tr[@data-process='" + processId + "']";
  }

  @Test
  void shouldCountActiveCompletedAndIncidentInstancesOfEachVersion() throws Exception {
    // given: three instances, one completed, one in incident, one waiting
    long completed = process.start();
    long inIncident = process.start();
    process.start();
    process.complete(completed);
    process.failOutOfRetries(inIncident, "Imprimante d'étiquettes injoignable");
    awaitState(completed, ProcessInstanceState.COMPLETED);

    // when / then
    mvc.perform(get("/console").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath(row(process.processId) + "/@data-version").string("1"))
        .andExpect(xpath(row(process.processId) + "//a[@class='active-count']").string("2"))
        .andExpect(xpath(row(process.processId) + "//a[@class='completed-count']").string("1"))
        .andExpect(xpath(row(process.processId) + "//a[@class='incident-count']").string("1"));
  }

  @Test
  void shouldTellAShippedModelFromOneDeployedOtherwise() throws Exception {
    // given: the shipped models, as the application deployed them, and a process of the test's
    // making deployed under the name of a shipped file
    String shipped = "//table[@id='versions']//tr[@data-process='asset-end-of-life']";
    client
        .newDeployResourceCommand()
        .addProcessModel(
            io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("console-impostor")
                .startEvent()
                .endEvent()
                .done(),
            "dismantling-lot.bpmn")
        .send()
        .join();

    // when / then
    mvc.perform(get("/console").with(MANAGER))
        .andExpect(
            xpath(
                    "boolean("
                        + shipped
                        + "/td[@class='source'][starts-with(normalize-space(.),'Livré')])")
                .booleanValue(true))
        .andExpect(
            xpath(row(process.processId) + "/td[@class='source']").string(containsString("Autre")))
        .andExpect(
            xpath(row("console-impostor") + "/td[@class='source']")
                .string(containsString("Autre")));
  }

  @Test
  void shouldFilterInstancesByStateAssetAndCampaignAndPaginate() throws Exception {
    // given: 27 instances, one of them for an asset, one of a campaign, one in incident
    Asset asset = Assets.desktop(inventory);
    long ofTheAsset = process.start(Map.of("assetId", asset.id()));
    long ofTheCampaign = process.start(Map.of("campaignId", 424242));
    long inIncident = process.start(Map.of("assetId", asset.id() + 1_000_000));
    process.failOutOfRetries(inIncident, "Étiquette illisible");
    for (int i = 0; i < 24; i++) {
      process.start();
    }

    // when / then: the asset by its inventory number
    mvc.perform(
            get("/console/instances")
                .param("process", process.processId)
                .param("asset", asset.inventoryNumber())
                .with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//p[@id='instance-count']").string("1 instance(s)"))
        .andExpect(
            xpath("//table[@id='instances']//tr[@data-key]/@data-key").string("" + ofTheAsset));
    // the campaign
    mvc.perform(
            get("/console/instances")
                .param("process", process.processId)
                .param("campaign", "424242")
                .with(MANAGER))
        .andExpect(xpath("//p[@id='instance-count']").string("1 instance(s)"))
        .andExpect(
            xpath("//table[@id='instances']//tr[@data-key]/@data-key").string("" + ofTheCampaign));
    // the state
    mvc.perform(
            get("/console/instances")
                .param("process", process.processId)
                .param("state", "INCIDENT")
                .with(AUDITOR))
        .andExpect(xpath("//p[@id='instance-count']").string("1 instance(s)"))
        .andExpect(
            xpath("//table[@id='instances']//tr[@data-key]/@data-key").string("" + inIncident));
    // pages of 25
    mvc.perform(get("/console/instances").param("process", process.processId).with(MANAGER))
        .andExpect(xpath("//p[@id='instance-count']").string("27 instance(s)"))
        .andExpect(xpath("count(//table[@id='instances']//tr[@data-key])").number(25.0))
        .andExpect(xpath("//a[@id='next-page']/@href").string(containsString("page=2")));
    mvc.perform(
            get("/console/instances")
                .param("process", process.processId)
                .param("page", "2")
                .with(MANAGER))
        .andExpect(xpath("count(//table[@id='instances']//tr[@data-key])").number(2.0))
        .andExpect(xpath("//a[@id='next-page']").doesNotExist());
  }

  @Test
  void shouldNameEachBadFilterAndApplyNone() throws Exception {
    // when / then
    mvc.perform(
            get("/console/instances")
                .param("from", "31/12/2026")
                .param("version", "deux")
                .param("asset", "INCONNU-0000")
                .with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='error-summary']").string(containsString("31/12/2026")))
        .andExpect(xpath("//*[@id='error-summary']").string(containsString("deux")))
        .andExpect(xpath("//input[@id='from']/@aria-invalid").string("true"))
        .andExpect(xpath("//p[@id='instance-count']").string("0 instance(s)"));
    mvc.perform(get("/console/instances").param("asset", "INCONNU-0000").with(MANAGER))
        .andExpect(xpath("//*[@id='error-summary']").string(containsString("INCONNU-0000")));
  }

  @Test
  void shouldShowAnInstanceToTheAuditorWithoutAnyAction() throws Exception {
    // given
    Asset asset = Assets.desktop(inventory);
    long key = process.start(Map.of("assetId", asset.id(), "note", "<b>fragile</b>"));
    process.failOutOfRetries(key, "Imprimante d'étiquettes injoignable");

    // when / then: incident with its message, diagram marked, elements, variables, no form
    mvc.perform(get("/console/instances/{key}", key).with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//span[@id='instance-state']").string("En incident"))
        .andExpect(
            xpath("//table[@id='incidents']//span[@class='incident-message']")
                .string("Imprimante d'étiquettes injoignable"))
        .andExpect(
            xpath("//div[@id='diagram']//*[@data-element-id='check-label']/@data-state")
                .string("incident"))
        .andExpect(
            xpath("//div[@id='diagram']//*[@data-element-id='received']/@data-state")
                .string("completed"))
        .andExpect(
            xpath("//table[@id='elements']//tr[@data-element='check-label']/td[2]")
                .string("En incident"))
        .andExpect(
            xpath("//table[@id='variables']//tr[@data-variable='note']/td[2]/code")
                .string("\"<b>fragile</b>\""))
        .andExpect(xpath("//a[@href='/assets/" + asset.id() + "']").exists())
        .andExpect(xpath("//form").nodeCount(1)) // the logout form only
        .andExpect(xpath("//form[contains(@action,'/console/')]").doesNotExist());
    // the asset manager gets the retry and the cancel forms
    mvc.perform(get("/console/instances/{key}", key).with(MANAGER))
        .andExpect(xpath("//form[contains(@action,'/retry')]").exists())
        .andExpect(xpath("//form[@id='cancel-form']").exists());
  }

  @Test
  void shouldRefuseTheAuditorsRetryAndTheTechnicianEveryPage() throws Exception {
    // given
    long key = process.start();
    long incident = process.failOutOfRetries(key, "Imprimante d'étiquettes injoignable");

    // when / then
    mvc.perform(post("/console/incidents/{key}/retry", incident).with(AUDITOR).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/console/instances/{key}/cancel", key)
                .param("confirm", "true")
                .param("reason", "essai")
                .with(AUDITOR)
                .with(csrf()))
        .andExpect(status().isForbidden());
    for (String page : List.of("/console", "/console/instances", "/console/incidents")) {
      mvc.perform(get(page).with(TECHNICIAN)).andExpect(status().isForbidden());
    }
    mvc.perform(get("/console/instances/{key}", key).with(TECHNICIAN))
        .andExpect(status().isForbidden());
    assertThat(process.openIncidentOf(key)).isEqualTo(incident);
    assertThat(journalOf(key)).isZero();
  }

  @Test
  void shouldCancelOnlyOnceConfirmedWithAReasonAndJournalWhoAndWhy() throws Exception {
    // given: an instance for an asset
    Asset asset = Assets.desktop(inventory);
    long key = process.start(Map.of("assetId", asset.id()));

    // when: no confirmation, then no reason
    mvc.perform(
            post("/console/instances/{key}/cancel", key)
                .param("reason", "Doublon de la demande 12")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrl("/console/instances/" + key))
        .andExpect(
            flash()
                .attribute(
                    "failure",
                    "Annulation refusée : Cochez la case de confirmation pour annuler l'instance."));
    mvc.perform(
            post("/console/instances/{key}/cancel", key)
                .param("confirm", "true")
                .param("reason", " ")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(
            flash()
                .attribute("failure", "Annulation refusée : Indiquez le motif de l'annulation."));
    assertThat(stateOf(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    // when: confirmed, with a reason
    mvc.perform(
            post("/console/instances/{key}/cancel", key)
                .param("confirm", "true")
                .param("reason", "Doublon de la demande 12")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrl("/console/instances/" + key))
        .andExpect(flash().attribute("notice", containsString("annulée")));

    // then
    awaitState(key, ProcessInstanceState.TERMINATED);
    Map<String, Object> entry =
        jdbc.queryForMap(
            "SELECT actor, action, detail, succeeded FROM console_action"
                + " WHERE process_instance_key = ?",
            key);
    assertThat(entry)
        .containsEntry("actor", "gestionnaire")
        .containsEntry("action", "CANCEL")
        .containsEntry("detail", "motif : Doublon de la demande 12")
        .containsEntry("succeeded", true);
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    CustodyEntry last = custody.get(custody.size() - 1);
    assertThat(last.action()).isEqualTo(CustodyAction.NOTE);
    assertThat(last.actor()).isEqualTo("gestionnaire");
    assertThat(last.details())
        .isEqualTo(
            "Instance de processus "
                + key
                + " annulée depuis la console. Motif : Doublon de la demande 12");
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
    mvc.perform(get("/console/instances/{key}", key).with(AUDITOR))
        .andExpect(xpath("//span[@id='instance-state']").string("Annulée"))
        .andExpect(xpath("//table[@id='journal']//td[2]").string("gestionnaire"));
  }

  @Test
  void shouldRetryFromTheIncidentListAndJournalIt() throws Exception {
    // given
    long key = process.start();
    long incident = process.failOutOfRetries(key, "Imprimante d'étiquettes injoignable");
    mvc.perform(get("/console/incidents").with(MANAGER))
        .andExpect(xpath("//tr[@data-incident='" + incident + "']//form").exists());

    // when
    mvc.perform(post("/console/incidents/{key}/retry", incident).with(MANAGER).with(csrf()))
        .andExpect(redirectedUrl("/console/incidents"))
        .andExpect(flash().attribute("notice", containsString("résolu")));

    // then: the job is offered again and completes the instance
    process.complete(key);
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(journalOf(key)).isEqualTo(1);
    // a second retry of the same incident is refused and journaled nowhere
    mvc.perform(post("/console/incidents/{key}/retry", incident).with(MANAGER).with(csrf()))
        .andExpect(
            flash()
                .attribute(
                    "failure",
                    "Nouvel essai refusé : L'incident " + incident + " est déjà résolu."));
    assertThat(journalOf(key)).isEqualTo(1);
  }

  @Test
  void shouldOfferTheConsoleInTheMenuToItsReadersOnly() throws Exception {
    // given
    String link = "//nav[@aria-label='Menu principal']//a[@href='/console']";

    // when / then
    mvc.perform(get("/").with(MANAGER)).andExpect(xpath(link).exists());
    mvc.perform(get("/").with(AUDITOR)).andExpect(xpath(link).exists());
    mvc.perform(get("/").with(TECHNICIAN)).andExpect(xpath(link).doesNotExist());
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownInstance() throws Exception {
    // given: a key no instance has
    long unknown = 999_999_999L;

    // when / then
    mvc.perform(get("/console/instances/{key}", unknown).with(MANAGER))
        .andExpect(status().isNotFound());
  }

  int journalOf(long key) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM console_action WHERE process_instance_key = ?", Integer.class, key);
  }

  ProcessInstanceState stateOf(long key) {
    return client.newProcessInstanceGetRequest(key).send().join().getState();
  }

  void awaitState(long key, ProcessInstanceState state) {
    await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(key) == state);
  }
}
