package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.routing.DonationLimits;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The upload page against the test JVM's engine through the real Camunda client: a file with
 * problems is refused with each problem named and nothing deployed; a changed decision table shows
 * its changed rule, is deployed with a reason, journaled, used by the next decision, and stays the
 * latest version when the bundled models are deployed again; a changed form shows its changed
 * components.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModelUploadTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor AUDITOR = user("auditeur").roles("AUDITOR");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  /** A laptop the bundled table gives away: 9 years old, grade C, working, 100 €. */
  static final Map<String, Object> NINE_YEAR_OLD_LAPTOP =
      Map.of(
          "category",
          "LAPTOP",
          "ageYears",
          9,
          "conditionGrade",
          "C",
          "functional",
          true,
          "residualUnitValue",
          100,
          "sanitizationOutcome",
          "PASSED",
          "batteryHealthPercent",
          90,
          "osSupported",
          true);

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired DonationLimits donationLimits;

  boolean decisionChanged;
  boolean lotProcessChanged;

  @AfterEach
  void putTheBundledModelsBack() {
    if (lotProcessChanged) {
      client
          .newDeployResourceCommand()
          .addResourceBytes(
              ModelCheckerTests.file("dismantling-lot.bpmn").content(), "dismantling-lot.bpmn")
          .send()
          .join();
    }
    if (decisionChanged) {
      client
          .newDeployResourceCommand()
          .addResourceBytes(ModelCheckerTests.file("asset-route.dmn").content(), "asset-route.dmn")
          .send()
          .join();
    }
  }

  static MockMultipartFile part(ModelFile file) {
    return new MockMultipartFile("files", file.name(), "application/octet-stream", file.content());
  }

  String route(Map<String, Object> facts) {
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId("asset-route")
            .variables(facts)
            .send()
            .join()
            .getDecisionOutput();
    return output;
  }

  int uploads() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM model_upload", Integer.class);
  }

  @Test
  void shouldRefuseFilesWithProblemsNamingEachAndDeployNothing() throws Exception {
    // given a process with a renamed job type, a missing form and an unknown message
    String bpmn =
        new String(
                ModelCheckerTests.file("asset-end-of-life.bpmn").content(), StandardCharsets.UTF_8)
            .replace("type=\"routing.assess-asset\"", "type=\"routing.assess-equipment\"")
            .replace("formId=\"collect-asset\"", "formId=\"collect-asset-v2\"")
            .replace("name=\"SanitizationReported\"", "name=\"WipeReportArrived\"");
    long versions = processVersions("asset-end-of-life");
    int uploads = uploads();

    // when
    mvc.perform(
            multipart("/console/models/check")
                .file(
                    part(
                        new ModelFile(
                            "asset-end-of-life.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))))
                .with(MANAGER)
                .with(csrf()))
        // then
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='problems']//tr[@data-severity='ERROR']").nodeCount(3))
        .andExpect(xpath("//tr[@data-element='assess-asset']/td[@class='problem']").exists())
        .andExpect(xpath("//tr[@data-element='collect-asset']/td[@class='problem']").exists())
        .andExpect(
            xpath("//tr[@data-element='wait-for-wipe-report']/td[@class='problem']").exists())
        .andExpect(xpath("//form[@id='deploy-form']").doesNotExist());
    assertThat(uploads()).isEqualTo(uploads);
    assertThat(processVersions("asset-end-of-life")).isEqualTo(versions);
  }

  @Test
  void shouldShowAChangedThresholdThenDeployItJournaledAndUsedByTheNextDecision() throws Exception {
    // given an owner's table where « over 10 years » becomes « over 8 years »
    ModelFile dmn =
        ModelCheckerTests.altered(
            "asset-route.dmn",
            "<inputEntry id=\"rule-over-ten-years-age-years\">\n          <text>&gt; 10</text>",
            "<inputEntry id=\"rule-over-ten-years-age-years\">\n          <text>&gt; 8</text>");
    assertThat(route(NINE_YEAR_OLD_LAPTOP)).contains("DONATION");
    assertThat(donationLimits.current().maxAgeYears()).isEqualByComparingTo("10");

    // when checked
    MvcResult checked =
        mvc.perform(multipart("/console/models/check").file(part(dmn)).with(MANAGER).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(xpath("//table[@id='problems']").doesNotExist())
            .andExpect(xpath("//table[@id='changes']//tr[@data-what]").nodeCount(1))
            .andExpect(
                xpath(
                        "//table[@id='changes']//tr[@data-element='rule-over-ten-years']"
                            + "/td[@class='change-detail']")
                    .string(org.hamcrest.Matchers.containsString("> 10")))
            .andExpect(
                xpath("//tr[@data-element='rule-over-ten-years']/td[@class='change-detail']")
                    .string(org.hamcrest.Matchers.containsString("> 8")))
            .andReturn();
    String action =
        org.jsoup.Jsoup.parse(checked.getResponse().getContentAsString())
            .selectFirst("form#deploy-form")
            .attr("action");

    // then nothing is deployed without a reason
    mvc.perform(post(action).param("reason", " ").with(MANAGER).with(csrf()))
        .andExpect(redirectedUrl("/console/models"))
        .andExpect(
            flash().attribute("failure", "Déploiement refusé : Donnez la raison du déploiement."));
    assertThat(route(NINE_YEAR_OLD_LAPTOP)).contains("DONATION");

    // when deployed with a reason
    decisionChanged = true;
    mvc.perform(
            post(action)
                .param("reason", "Note de la direction : recyclage au-delà de 8 ans")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrl("/console/models"))
        .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("déployés")));

    // then the next decision uses it, and so does the legal check of the donation
    assertThat(route(NINE_YEAR_OLD_LAPTOP)).contains("RECYCLE");
    assertThat(donationLimits.current().maxAgeYears()).isEqualByComparingTo("8");
    assertThat(donationLimits.current().unitValueCap()).isEqualByComparingTo("300");
    // and the journal says who, why, and which version
    long uploadId = Long.parseLong(action.replaceAll("\\D+", " ").trim().split(" ")[0]);
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM model_upload WHERE id = ?", uploadId);
    assertThat(row)
        .containsEntry("status", "DEPLOYED")
        .containsEntry("deployed_by", "gestionnaire")
        .containsEntry("reason", "Note de la direction : recyclage au-delà de 8 ans");
    assertThat(row.get("deployment_key")).isNotNull();
    Map<String, Object> file =
        jdbc.queryForMap("SELECT * FROM model_upload_file WHERE upload_id = ?", uploadId);
    assertThat(file)
        .containsEntry("name", "asset-route.dmn")
        .containsEntry("resource_id", "asset-route-definitions");
    assertThat(file.get("resource_key")).isNotNull();
    mvc.perform(get("/console/models").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//main//form").doesNotExist())
        .andExpect(
            xpath("//tr[@data-upload='" + uploadId + "']/td[@class='reason']")
                .string("Note de la direction : recyclage au-delà de 8 ans"));
    // a second post of the same upload deploys nothing more
    mvc.perform(post(action).param("reason", "encore").with(MANAGER).with(csrf()))
        .andExpect(
            flash().attribute("failure", org.hamcrest.Matchers.containsString("n'attend plus")));

    // when the bundled models are deployed again (a restart)
    new BundledModelDeployer(true, BundledModelDeployer.DEFAULT_LOCATION, Duration.ofSeconds(1))
        .deploy(client, BundledModels.load(BundledModelDeployer.DEFAULT_LOCATION));

    // then the owner's table is still the one used
    assertThat(route(NINE_YEAR_OLD_LAPTOP)).contains("RECYCLE");
  }

  @Test
  void shouldShowWhatAnUploadedFormChangesComparedWithTheRunningOne() throws Exception {
    // given the pickup form with a label, a rule, a required flag and a field key changed
    ModelFile form = FormChangesTests.changedPickupForm();

    // when checked
    mvc.perform(multipart("/console/models/check").file(part(form)).with(MANAGER).with(csrf()))
        // then each change is named by the component's key, nothing being deployed yet
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='problems']").doesNotExist())
        .andExpect(xpath("//table[@id='changes']//tr[@data-what]").nodeCount(4))
        .andExpect(
            xpath("//tr[@data-element='weightKg']/td[@class='change-detail']")
                .string("libellé : « Poids (kg) » → « Poids net (kg) »"))
        .andExpect(
            xpath("//tr[@data-element='pickedUpUnitCount']/td[@class='change-detail']")
                .string(org.hamcrest.Matchers.containsString("n'est plus obligatoire")))
        .andExpect(xpath("//tr[@data-element='pickupRemarks']/@data-what").string("ajouté"))
        .andExpect(xpath("//tr[@data-element='pickupNotes']/@data-what").string("retiré"));
  }

  @Test
  void shouldLetTheAuditorReadButNotUploadNorDeploy() throws Exception {
    // given
    ModelFile dmn = ModelCheckerTests.file("asset-route.dmn");

    // when / then
    mvc.perform(get("/console/models").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//form[@id='upload-form']").doesNotExist());
    mvc.perform(multipart("/console/models/check").file(part(dmn)).with(AUDITOR).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/console/models/1/deploy").param("reason", "x").with(AUDITOR).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/console/models").with(TECHNICIAN)).andExpect(status().isForbidden());
  }

  @Test
  void shouldNameAnEmptyUpload() throws Exception {
    // given no file

    // when / then
    mvc.perform(multipart("/console/models/check").with(MANAGER).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//*[@id='failure']")
                .string("Choisissez au moins un fichier .bpmn, .dmn ou .form."));
  }

  @Test
  void shouldTellOnTheProcessesPageWhoDeployedAVersionFromTheConsoleAndWhy() throws Exception {
    // given a renamed process
    ModelFile bpmn =
        ModelCheckerTests.altered(
            "dismantling-lot.bpmn",
            "name=\"Lot de démantèlement (entreprise adaptée)\"",
            "name=\"Lot de démantèlement (ESAT ou entreprise adaptée)\"");
    MvcResult checked =
        mvc.perform(multipart("/console/models/check").file(part(bpmn)).with(MANAGER).with(csrf()))
            .andExpect(xpath("//form[@id='deploy-form']").exists())
            .andReturn();
    String action =
        org.jsoup.Jsoup.parse(checked.getResponse().getContentAsString())
            .selectFirst("form#deploy-form")
            .attr("action");

    // when
    lotProcessChanged = true;
    mvc.perform(post(action).param("reason", "Libellé validé en comité").with(MANAGER).with(csrf()))
        .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("déployés")));

    // then
    long version = processVersions("dismantling-lot");
    String row =
        "//table[@id='versions']//tr[@data-process='dismantling-lot'][@data-version='"
            + version
            + "']";
    mvc.perform(get("/console").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(xpath(row + "//span[@class='deployed-by']").string("gestionnaire"))
        .andExpect(
            xpath(row + "//span[@class='deploy-reason']").string("Libellé validé en comité"));
  }

  long processVersions(String processId) {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .page()
        .totalItems();
  }
}
