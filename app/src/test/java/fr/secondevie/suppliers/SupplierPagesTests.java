package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.newProcessKey;
import static fr.secondevie.suppliers.SupplierFixtures.newSiret;
import static fr.secondevie.suppliers.SupplierFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.SupplierReferencingProcess.Origins;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import fr.secondevie.support.Mailbox;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Registry, candidate registration, evaluation page and API, with the roles of each. */
// Its mocked process starter must not leave the shared engine's jobs to a context without them.
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class SupplierPagesTests {

  static final RequestPostProcessor BUYER = user("acheteur").roles("BUYER");
  static final RequestPostProcessor EVALUATOR = user("evaluateur").roles("EVALUATOR");
  static final RequestPostProcessor ASSET_MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");
  @Autowired MockMvc mvc;
  @Autowired ReferencingWorkers workers;
  @Autowired SupplierPortal portal;
  @Autowired SupplierEvaluation evaluations;
  @Autowired NotificationService notifications;
  @Autowired Mailbox.Server mailbox;
  @MockitoBean SupplierProcesses processes;

  /** An application submitted with evidence on ENV-01 and VAL-01. */
  private long submitted(String name) {
    long applicationId =
        (Long)
            workers
                .registerCandidate(candidate(name), newProcessKey())
                .get(Variables.APPLICATION_ID);
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    String token = mailbox.latestPortalToken(applicationId);
    Map<String, String> answers = new java.util.HashMap<>();
    for (Criterion c : portal.open(token).questionnaire().criteria()) {
      answers.put(
          c.code(),
          switch (c.answerType()) {
            case YES_NO -> Criterion.NO;
            case CHOICE -> c.options().get(0).value();
            case NUMBER -> "0";
          });
    }
    answers.put("ENV-01", "ALL");
    answers.put("VAL-01", "CONTRACT");
    portal.save(
        token,
        answers,
        Map.of(),
        List.of(
            new SupplierPortal.Upload("ENV-01", "catalogue.pdf", pdf()),
            new SupplierPortal.Upload("VAL-01", "attestation.pdf", pdf())));
    portal.submit(token);
    workers.preScore(applicationId);
    return applicationId;
  }

  @Test
  void shouldShowTheRegistryToBuyersEvaluatorsAndAssetManagersOnly() throws Exception {
    // given
    long applicationId = submitted("Registre Test");

    // when / then
    for (RequestPostProcessor reader : List.of(BUYER, EVALUATOR, ASSET_MANAGER)) {
      mvc.perform(get("/suppliers").with(reader))
          .andExpect(status().isOk())
          .andExpect(xpath("//table[@id='registry']/caption").string("Registre des fournisseurs"))
          .andExpect(
              xpath("//table[@id='registry']//th[@scope='row']/a[.='Registre Test']").exists())
          .andExpect(
              xpath("//a[@href='/suppliers/applications/" + applicationId + "/evaluation']")
                  .exists());
    }
    mvc.perform(get("/suppliers").with(BUYER))
        .andExpect(xpath("//a[@href='/suppliers/candidates/new']").exists());
    mvc.perform(get("/suppliers").with(EVALUATOR))
        .andExpect(xpath("//a[@href='/suppliers/candidates/new']").doesNotExist());
    mvc.perform(get("/suppliers").with(TECHNICIAN)).andExpect(status().isForbidden());
    mvc.perform(get("/suppliers")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/").with(BUYER)).andExpect(xpath("//nav//a[@href='/suppliers']").exists());
  }

  @Test
  void shouldLetOnlyBuyersRegisterACandidate() throws Exception {
    // when / then
    mvc.perform(get("/suppliers/candidates/new").with(BUYER))
        .andExpect(status().isOk())
        .andExpect(xpath("//label[@for='siret']").exists())
        .andExpect(xpath("//fieldset/legend").string("Catégories de l'offre"));
    mvc.perform(get("/suppliers/candidates/new").with(EVALUATOR)).andExpect(status().isForbidden());
    mvc.perform(get("/suppliers/candidates/new").with(ASSET_MANAGER))
        .andExpect(status().isForbidden());
    mvc.perform(post("/suppliers/candidates").param("name", "X").with(ASSET_MANAGER).with(csrf()))
        .andExpect(status().isForbidden());
    verify(processes, never()).startReferencing(any());
  }

  @Test
  void shouldStartTheProcessForAValidCandidate() throws Exception {
    // given
    when(processes.startReferencing(any())).thenReturn(42L);
    String siret = newSiret();

    // when
    mvc.perform(
            post("/suppliers/candidates")
                .param("name", "  Ateliers du Bocage ")
                .param("siret", siret.substring(0, 3) + " " + siret.substring(3))
                .param("contactName", "Léa Durand")
                .param("contactEmail", "Lea.Durand@Bocage.example")
                .param("categories", "RECONDITIONED_EQUIPMENT", "REPAIR_MAINTENANCE")
                .with(BUYER)
                .with(csrf()))
        .andExpect(redirectedUrl("/suppliers"));

    // then
    ArgumentCaptor<Candidate> started = ArgumentCaptor.forClass(Candidate.class);
    verify(processes).startReferencing(started.capture());
    assertThat(started.getValue())
        .isEqualTo(
            new Candidate(
                "Ateliers du Bocage",
                siret,
                "Léa Durand",
                "lea.durand@bocage.example",
                null,
                List.of("RECONDITIONED_EQUIPMENT", "REPAIR_MAINTENANCE"),
                Origins.BUYER,
                null,
                "acheteur"));
  }

  @Test
  void shouldShowEachProblemOnItsFieldAndStartNothing() throws Exception {
    // when / then
    mvc.perform(
            post("/suppliers/candidates")
                .param("name", "Sans SIRET valable")
                .param("siret", "73282932000075")
                .param("contactName", "Léa Durand")
                .param("contactEmail", "pas-une-adresse")
                .with(BUYER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='siret']/@aria-invalid").string("true"))
        .andExpect(xpath("//input[@id='siret']/@aria-describedby").string("siret-error"))
        .andExpect(xpath("//*[@id='siret-error']").string(containsString("clé de contrôle")))
        .andExpect(xpath("//*[@id='contactEmail-error']").exists())
        .andExpect(xpath("//*[@id='categories-error']").exists())
        .andExpect(xpath("//input[@id='name']/@value").string("Sans SIRET valable"))
        .andExpect(xpath("//*[@id='error-summary']//li").nodeCount(3));
    verify(processes, never()).startReferencing(any());
  }

  @Test
  void shouldRefuseASecondCandidatureWhileOneIsOpen() throws Exception {
    // given
    Candidate candidate = candidate("Déjà En Cours");
    workers.registerCandidate(candidate, newProcessKey());

    // when / then
    mvc.perform(
            post("/suppliers/candidates")
                .param("name", candidate.name())
                .param("siret", candidate.siret())
                .param("contactName", "Autre Contact")
                .param("contactEmail", "autre@encours.example")
                .param("categories", "NEW_EQUIPMENT")
                .with(BUYER)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='siret-error']").string(containsString("déjà une candidature")));
    verify(processes, never()).startReferencing(any());
  }

  @Test
  void shouldListTheCriteriaToCompleteInTheOrderOfTheEvaluationPage() throws Exception {
    // given: an evaluation completed with VAL-01 refused without reason and ENV-01 undecided (the
    // two criteria with evidence; the page shows ENV-01 first)
    long applicationId = submitted("Evaluation Ordre");
    String page = "/suppliers/applications/" + applicationId + "/evaluation";

    // when
    String html =
        mvc.perform(
                post(page)
                    .param("decision-VAL-01", "REJECTED")
                    .param("action", "complete")
                    .with(EVALUATOR)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    // then: the summary names the criteria in the order their fieldsets come on the page
    Document document = Jsoup.parse(html);
    List<String> summary =
        document.select("#error-summary li a").stream()
            .map(a -> a.attr("href").replace("#decision-", "").replace("-ACCEPTED", ""))
            .toList();
    List<String> onThePage =
        document.select("p.field-error[id^=problem-]").stream()
            .map(p -> p.id().replace("problem-", ""))
            .toList();
    assertThat(summary).containsExactly("ENV-01", "VAL-01").isEqualTo(onThePage);
    verify(processes, never()).completeEvidenceEvaluation(anyLong(), anyMap());
  }

  @Test
  void shouldLetEvaluatorsDecideOnEachEvidenceAndCompleteTheTask() throws Exception {
    // given
    long applicationId = submitted("Evaluation Test");
    String page = "/suppliers/applications/" + applicationId + "/evaluation";

    // when / then: the page lists the answers with links to their evidence
    mvc.perform(get(page).with(EVALUATOR))
        .andExpect(status().isOk())
        .andExpect(xpath("//fieldset/legend[strong='ENV-01']").exists())
        .andExpect(xpath("//a[starts-with(@href, '/documents/')]").nodeCount(2))
        .andExpect(xpath("//input[@id='decision-VAL-01-REJECTED']").exists())
        .andExpect(xpath("//button[@value='complete']").exists());
    mvc.perform(get(page).with(BUYER))
        .andExpect(status().isOk())
        .andExpect(xpath("//button[@value='complete']").doesNotExist());
    mvc.perform(get(page).with(ASSET_MANAGER)).andExpect(status().isForbidden());
    mvc.perform(post(page).param("action", "complete").with(BUYER).with(csrf()))
        .andExpect(status().isForbidden());

    // a refusal without reason is shown on its criterion, nothing recorded
    mvc.perform(
            post(page)
                .param("decision-ENV-01", "ACCEPTED")
                .param("decision-VAL-01", "REJECTED")
                .param("action", "complete")
                .with(EVALUATOR)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[@id='problem-VAL-01']").string(containsString("motif")));
    verify(processes, never()).completeEvidenceEvaluation(anyLong(), anyMap());
    assertThat(evaluations.review(applicationId).get(0).decision()).isNull();

    // complete: decisions recorded and the user task completed with the form's variables
    mvc.perform(
            post(page)
                .param("decision-ENV-01", "ACCEPTED")
                .param("decision-VAL-01", "REJECTED")
                .param("reason-VAL-01", "Attestation non signée")
                .param("evaluationComment", "RAS")
                .param("action", "complete")
                .with(EVALUATOR)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/suppliers/*"));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    SupplierApplication application = evaluations.application(applicationId);
    verify(processes)
        .completeEvidenceEvaluation(eq(application.getProcessInstanceKey()), variables.capture());
    assertThat(variables.getValue()).containsEntry("evaluationComment", "RAS");
    @SuppressWarnings("unchecked")
    List<ReviewItem> review =
        (List<ReviewItem>) variables.getValue().get(Variables.EVIDENCE_REVIEW);
    assertThat(review)
        .extracting(ReviewItem::code, ReviewItem::decision, ReviewItem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ENV-01", "ACCEPTED", null),
            org.assertj.core.groups.Tuple.tuple("VAL-01", "REJECTED", "Attestation non signée"));
    assertThat(application.answer("VAL-01").orElseThrow().evaluatedBy()).isEqualTo("evaluateur");
  }

  @Test
  void shouldKeepTheDecisionsWhenTheTaskCannotBeCompleted() throws Exception {
    // given: the runtime cannot be reached
    long applicationId = submitted("Moteur Injoignable");
    org.mockito.Mockito.doThrow(
            new ProcessUnavailableException(
                "La tâche « Évaluer les justificatifs » n'a pas pu être retrouvée (moteur de"
                    + " processus injoignable).",
                null))
        .when(processes)
        .completeEvidenceEvaluation(anyLong(), anyMap());

    // when / then
    mvc.perform(
            post("/suppliers/applications/" + applicationId + "/evaluation")
                .param("decision-ENV-01", "ACCEPTED")
                .param("decision-VAL-01", "ACCEPTED")
                .param("action", "complete")
                .with(EVALUATOR)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//div[@role='alert']")
                .string(containsString("Vos décisions sont enregistrées")));
    assertThat(evaluations.review(applicationId))
        .extracting(ReviewItem::decision)
        .containsExactly("ACCEPTED", "ACCEPTED");
  }

  @Test
  void shouldShowASuppliersPageWithItsContactsAndApplications() throws Exception {
    // given
    long applicationId = submitted("Fiche Fournisseur");
    long supplierId = evaluations.application(applicationId).getSupplierId();

    // when / then
    mvc.perform(get("/suppliers/" + supplierId).with(ASSET_MANAGER))
        .andExpect(status().isOk())
        .andExpect(xpath("//h1").string("Fiche Fournisseur"))
        .andExpect(xpath("//table[@id='contacts']/tbody/tr").nodeCount(1))
        .andExpect(xpath("//table[@id='applications']/tbody/tr/th").string("" + applicationId));
    mvc.perform(get("/suppliers/" + supplierId).with(TECHNICIAN)).andExpect(status().isForbidden());
  }

  @Test
  void shouldRefuseACandidateThroughTheApiWithItsProblemsInTheFormsOrder() throws Exception {
    // given: no name, a SIRET with a wrong check digit, no SAD reference
    String refused =
        """
        {"siret": "12345678900011", "contactName": "Paul Petit",
         "contactEmail": "paul@regional.example", "categories": ["RECONDITIONED_EQUIPMENT"],
         "origin": "SAD"}""";

    // when
    var answer =
        mvc.perform(
            post("/api/suppliers/candidates")
                .contentType(MediaType.APPLICATION_JSON)
                .content(refused)
                .with(httpBasic("acheteur", "demo")));

    // then
    answer
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.title").value("Candidature refusée"))
        .andExpect(jsonPath("$.errors.length()").value(3))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(
            jsonPath("$.errors[0].message").value("Indiquez la raison sociale du fournisseur."))
        .andExpect(jsonPath("$.errors[1].field").value("siret"))
        .andExpect(jsonPath("$.errors[1].message").value(containsString("est invalide")))
        .andExpect(jsonPath("$.errors[2].field").value("sadReference"));
    verify(processes, never()).startReferencing(any());
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheRuntimeCannotStartTheReferencing() throws Exception {
    // given
    when(processes.startReferencing(any()))
        .thenThrow(
            new ProcessUnavailableException(
                "Le processus de référencement n'a pas pu démarrer (moteur injoignable).", null));
    String valid =
        """
        {"name": "Reconditionneur Injoignable", "siret": "%s", "contactName": "Paul Petit",
         "contactEmail": "paul@injoignable.example", "categories": ["RECONDITIONED_EQUIPMENT"],
         "origin": "SAD", "sadReference": "SAD-2025-015"}"""
            .formatted(newSiret());

    // when
    var answer =
        mvc.perform(
            post("/api/suppliers/candidates")
                .contentType(MediaType.APPLICATION_JSON)
                .content(valid)
                .with(httpBasic("acheteur", "demo")));

    // then
    answer
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "60"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(jsonPath("$.title").value("Processus indisponible"))
        .andExpect(
            jsonPath("$.detail")
                .value("Le processus de référencement n'a pas pu démarrer (moteur injoignable)."));
  }

  @Test
  void shouldAdmitASadCandidateThroughTheApiWithProblemsNamingTheField() throws Exception {
    // given
    when(processes.startReferencing(any())).thenReturn(7L);
    String valid =
        """
        {"name": "Reconditionneur Régional", "siret": "%s", "contactName": "Paul Petit",
         "contactEmail": "paul@regional.example", "categories": ["RECONDITIONED_EQUIPMENT"],
         "origin": "SAD", "sadReference": "SAD-2025-014"}"""
            .formatted(newSiret());

    // when / then
    mvc.perform(
            post("/api/suppliers/candidates")
                .contentType(MediaType.APPLICATION_JSON)
                .content(valid)
                .with(httpBasic("acheteur", "demo")))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.processInstanceKey").value(7));
    mvc.perform(
            post("/api/suppliers/candidates")
                .contentType(MediaType.APPLICATION_JSON)
                .content(valid.replace("SAD-2025-014", " "))
                .with(httpBasic("acheteur", "demo")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.errors[0].field").value("sadReference"));
    mvc.perform(
            post("/api/suppliers/candidates")
                .contentType(MediaType.APPLICATION_JSON)
                .content(valid)
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/suppliers").with(httpBasic("evaluateur", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$[0].siret").exists());
    verify(processes).startReferencing(any());
  }
}
