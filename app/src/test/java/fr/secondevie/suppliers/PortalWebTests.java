package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.newProcessKey;
import static fr.secondevie.suppliers.SupplierFixtures.pdf;
import static fr.secondevie.suppliers.SupplierFixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import fr.secondevie.support.Mailbox;
import fr.secondevie.support.TestClock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The public supplier portal through the whole stack, without any account: a token opens its own
 * application only; wrong, expired or closed tokens are refused with a French page; refused uploads
 * store nothing; CSRF protects its forms.
 */
// Its mocked process starter must not leave the shared engine's jobs to a context without them.
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class PortalWebTests {

  @Autowired MockMvc mvc;
  @Autowired ReferencingWorkers workers;
  @Autowired PortalTokens tokens;
  @Autowired SupplierPortal portal;
  @Autowired NotificationService notifications;
  @Autowired Mailbox.Server mailbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @MockitoBean SupplierProcesses processes;

  long applicationA;
  String tokenA;
  long applicationB;
  String tokenB;

  @BeforeEach
  void twoInvitedSuppliers() {
    applicationA = invite("Alpha Reconditionnement");
    tokenA = tokenOf(applicationA);
    applicationB = invite("Beta Recyclage");
    tokenB = tokenOf(applicationB);
  }

  private long invite(String name) {
    long applicationId =
        (Long)
            workers
                .registerCandidate(candidate(name), newProcessKey())
                .get(Variables.APPLICATION_ID);
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    return applicationId;
  }

  private String tokenOf(long applicationId) {
    return mailbox.latestPortalToken(applicationId);
  }

  private int documentsOf(long applicationId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM document WHERE owner_ref = ?",
        Integer.class,
        SupplierApplication.ownerRef(applicationId));
  }

  private MockMultipartHttpServletRequestBuilder postTo(String token) {
    return multipart("/portal/" + token);
  }

  @Test
  void shouldOpenItsOwnApplicationWithoutAccountAndNeverLeakTheToken() throws Exception {
    // when / then
    mvc.perform(get("/portal/" + tokenA))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(content().string(containsString("Alpha Reconditionnement")))
        .andExpect(content().string(not(containsString("Beta Recyclage"))))
        .andExpect(xpath("/html/@lang").string("fr"))
        .andExpect(xpath("//fieldset/legend[strong='ENV-01']").exists())
        .andExpect(xpath("//label[@for='answer-ENV-03']").exists())
        .andExpect(xpath("//label[@for='file-ENV-01']").exists())
        // no staff navigation on the portal
        .andExpect(xpath("//nav").doesNotExist());
  }

  @Test
  void shouldRefuseAWrongTokenWithAFrenchPage() throws Exception {
    // given
    String unknown = "A".repeat(43);

    // when / then
    mvc.perform(get("/portal/" + unknown))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Ce lien ne correspond à aucun questionnaire")))
        .andExpect(content().string(not(containsString("Alpha"))));
    mvc.perform(get("/portal/not-a-token")).andExpect(status().isNotFound());
    mvc.perform(get("/portal/" + tokenA.substring(1) + "x")).andExpect(status().isNotFound());
  }

  @Test
  void shouldRefuseAnExpiredTokenAndChangeNothing() throws Exception {
    // given: a link of application A whose validity has passed
    PortalTokens.Issued expired =
        tokens.issue(
            applicationA,
            "test-expired-" + newProcessKey(),
            PortalToken.Purpose.REMINDER,
            clock.instant().minusSeconds(1));

    // when / then
    mvc.perform(get("/portal/" + expired.plaintext()))
        .andExpect(status().isGone())
        .andExpect(content().string(containsString("Ce lien a expiré")));
    mvc.perform(
            postTo(expired.plaintext())
                .file(new MockMultipartFile("file-ENV-01", "preuve.pdf", "application/pdf", pdf()))
                .param("answer-ENV-04", "YES")
                .with(csrf()))
        .andExpect(status().isGone());
    assertThat(documentsOf(applicationA)).isZero();
    assertThat(portal.open(tokenA).application().answer("ENV-04")).isEmpty();
  }

  @Test
  void shouldNeverServeAnotherApplicationsEvidence() throws Exception {
    // given: B uploads a file
    mvc.perform(
            postTo(tokenB)
                .file(
                    new MockMultipartFile("file-ENV-01", "catalogue.pdf", "application/pdf", pdf()))
                .param("answer-ENV-01", "ALL")
                .with(csrf()))
        .andExpect(redirectedUrl("/portal/" + tokenB));
    String documentOfB =
        portal.open(tokenB).application().evidenceFor("ENV-01").get(0).documentId();

    // when / then
    mvc.perform(get("/portal/" + tokenB + "/evidence/" + documentOfB))
        .andExpect(status().isOk())
        .andExpect(content().bytes(pdf()));
    mvc.perform(get("/portal/" + tokenA + "/evidence/" + documentOfB))
        .andExpect(status().isNotFound());
    // and the staff download is not reachable without an account
    mvc.perform(get("/documents/" + documentOfB)).andExpect(status().is3xxRedirection());
  }

  @Test
  void shouldNeverLetATokenRemoveAnotherApplicationsEvidence() throws Exception {
    // given: B's evidence
    portal.save(
        tokenB,
        Map.of("ENV-01", "ALL"),
        Map.of(),
        List.of(new SupplierPortal.Upload("ENV-01", "catalogue.pdf", pdf())));
    String documentOfB =
        portal.open(tokenB).application().evidenceFor("ENV-01").get(0).documentId();

    // when: A's link asks to remove it
    mvc.perform(postTo(tokenA).param("action", "remove:" + documentOfB).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(
            xpath("//div[@role='alert']")
                .string(containsString("Ce justificatif n'appartient pas à la candidature")));

    // then: B's file and answer are untouched
    assertThat(portal.open(tokenB).application().evidenceFor("ENV-01"))
        .extracting(Evidence::documentId)
        .containsExactly(documentOfB);
    assertThat(documentsOf(applicationB)).isEqualTo(1);
  }

  @Test
  void shouldServeTheEvidenceOnlyToAValidLinkOfItsApplication() throws Exception {
    // given: A's evidence, and a link of A whose validity has passed
    portal.save(
        tokenA,
        Map.of(),
        Map.of(),
        List.of(new SupplierPortal.Upload("ENV-09", "bilan-carbone.pdf", pdf())));
    String documentOfA =
        portal.open(tokenA).application().evidenceFor("ENV-09").get(0).documentId();
    PortalTokens.Issued expired =
        tokens.issue(
            applicationA,
            "test-expired-" + newProcessKey(),
            PortalToken.Purpose.REMINDER,
            clock.instant().minusSeconds(1));

    // when / then
    mvc.perform(get("/portal/" + tokenA + "/evidence/" + documentOfA))
        .andExpect(status().isOk())
        .andExpect(content().bytes(pdf()));
    mvc.perform(get("/portal/" + expired.plaintext() + "/evidence/" + documentOfA))
        .andExpect(status().isGone())
        .andExpect(content().string(containsString("Ce lien a expiré")));
    mvc.perform(get("/portal/" + "A".repeat(43) + "/evidence/" + documentOfA))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("bilan-carbone"))));
  }

  @Test
  void shouldRefuseAFileWhoseContentBeliesItsNameAndStoreNothing() throws Exception {
    // given: a PNG named .pdf, with a valid PDF for another criterion
    // when / then
    mvc.perform(
            postTo(tokenA)
                .file(
                    new MockMultipartFile(
                        "file-ENV-01", "attestation.pdf", "application/pdf", png()))
                .file(new MockMultipartFile("file-ENV-03", "pieces.pdf", "application/pdf", pdf()))
                .param("answer-ENV-01", "ALL")
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            xpath("//*[@id='file-ENV-01-error']")
                .string(
                    containsString(
                        "Le contenu du fichier « attestation.pdf » est de type PNG mais son"
                            + " extension est « .pdf »")))
        .andExpect(xpath("//*[@id='file-ENV-03-error']").doesNotExist());
    assertThat(documentsOf(applicationA)).isZero();
    assertThat(portal.open(tokenA).application().getEvidence()).isEmpty();
    assertThat(portal.open(tokenA).application().answer("ENV-01")).isEmpty();
  }

  @Test
  void shouldRefuseAFileOfTheWrongTypeWithAClearMessageAndStoreNothing() throws Exception {
    // given: an executable renamed .pdf, sent with an answer
    byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    // when / then
    mvc.perform(
            postTo(tokenA)
                .file(
                    new MockMultipartFile(
                        "file-ENV-01", "catalogue.pdf", "application/pdf", executable))
                .param("answer-ENV-01", "ALL")
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            xpath("//input[@id='file-ENV-01']/@aria-describedby").string("file-ENV-01-error"))
        .andExpect(
            xpath("//*[@id='file-ENV-01-error']")
                .string(containsString("Le fichier « catalogue.pdf » n'est pas d'un type accepté")))
        .andExpect(xpath("//*[@id='error-summary']//a[@href='#file-ENV-01']").exists());
    assertThat(documentsOf(applicationA)).isZero();
    assertThat(portal.open(tokenA).application().answer("ENV-01")).as("answer not saved").isEmpty();
    assertThat(portal.open(tokenA).application().getEvidence()).isEmpty();
  }

  @Test
  void shouldRefuseATooLargeFileWithAClearMessageAndStoreNothing() throws Exception {
    // given: a PDF one byte over 10 MB, and a valid PNG for another criterion
    byte[] large = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);

    // when / then
    mvc.perform(
            postTo(tokenA)
                .file(
                    new MockMultipartFile(
                        "file-ENV-09", "bilan-carbone.pdf", "application/pdf", large))
                .file(new MockMultipartFile("file-ACC-02", "photo.png", "image/png", png()))
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("la taille maximale est 10,0 Mo")));
    assertThat(documentsOf(applicationA)).isZero();
  }

  @Test
  void shouldRefuseAFormPostedWithoutItsCsrfToken() throws Exception {
    // when / then
    mvc.perform(post("/portal/" + tokenA).param("answer-ENV-04", "YES"))
        .andExpect(status().isForbidden());
    assertThat(portal.open(tokenA).application().answer("ENV-04")).isEmpty();
  }

  @Test
  void shouldSaveADraftThenSubmitOnceEveryQuestionIsAnswered() throws Exception {
    // given: one answer with its evidence
    mvc.perform(
            postTo(tokenA)
                .file(new MockMultipartFile("file-ENV-03", "pieces.pdf", "application/pdf", pdf()))
                .param("answer-ENV-03", "10")
                .param("comment-ENV-03", "Engagement constructeur")
                .with(csrf()))
        .andExpect(redirectedUrl("/portal/" + tokenA));

    // when: submitting with unanswered questions
    mvc.perform(postTo(tokenA).param("action", "submit").with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            content().string(containsString("Répondez à cette question avant de transmettre")));
    verify(processes, never()).publishQuestionnaireSubmitted(anyLong(), anyInt(), anyMap());

    // then: every answer given, the submission goes to the process
    MockMultipartHttpServletRequestBuilder all = postTo(tokenA);
    all.param("action", "submit");
    for (Criterion criterion : portal.open(tokenA).questionnaire().criteria()) {
      if (!criterion.code().equals("ENV-03")) {
        all.param(
            "answer-" + criterion.code(),
            switch (criterion.answerType()) {
              case YES_NO -> "NO";
              case CHOICE -> criterion.options().get(0).value();
              case NUMBER -> "0";
            });
      }
    }
    mvc.perform(all.with(csrf())).andExpect(redirectedUrl("/portal/" + tokenA));
    verify(processes).publishQuestionnaireSubmitted(eq(applicationA), eq(1), anyMap());
    mvc.perform(get("/portal/" + tokenA))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Vos réponses ont été transmises")))
        .andExpect(xpath("//input[@type='file']").doesNotExist());
    assertThat(portal.open(tokenA).application().answer("ENV-03").orElseThrow().answer())
        .isEqualTo("10");
    mvc.perform(postTo(tokenA).param("answer-ENV-03", "12").with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(xpath("//div[@role='alert']").string(containsString("ne peuvent plus")));
    assertThat(portal.open(tokenA).application().answer("ENV-03").orElseThrow().answer())
        .isEqualTo("10");
    // the other supplier's application is untouched
    assertThat(portal.open(tokenB).application().getAnswers()).isEmpty();
  }

  @Test
  void shouldRefuseAnswersAndFilesInTheOrderThePortalShowsTheCriteria() {
    // given: problems sent from the last criterion to the first
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("VAL-04", "beaucoup");
    answers.put("RES-02", "deux");
    answers.put("ENV-05", "trois ans");
    Map<String, String> comments = Map.of("ENV-03", "x".repeat(2001));
    List<SupplierPortal.Upload> uploads =
        List.of(
            new SupplierPortal.Upload("VAL-01", "charte.pdf", png()),
            new SupplierPortal.Upload("ENV-01", "attestation.pdf", new byte[0]));

    // when
    Throwable refused = catchThrowable(() -> portal.save(tokenA, answers, comments, uploads));

    // then: one problem per field, by criterion in the portal's order, answer before files
    assertThat(refused)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo(SupplierPortal.ANSWERS_REFUSED);
              assertThat(e.inputErrors())
                  .extracting(InputError::field)
                  .containsExactly(
                      "files[ENV-01]",
                      "answers[ENV-03]",
                      "answers[ENV-05]",
                      "answers[RES-02]",
                      "files[VAL-01]",
                      "answers[VAL-04]");
              assertThat(SupplierPortal.answerProblems(e))
                  .containsOnlyKeys("ENV-03", "ENV-05", "RES-02", "VAL-04")
                  .containsEntry("ENV-03", "Le commentaire compte au plus 2000 caractères.");
              assertThat(SupplierPortal.answerProblems(e).keySet())
                  .containsExactly("ENV-03", "ENV-05", "RES-02", "VAL-04");
              assertThat(SupplierPortal.fileProblems(e))
                  .containsExactly(
                      Map.entry("ENV-01", "Le fichier « attestation.pdf » est vide."),
                      Map.entry(
                          "VAL-01",
                          "Le contenu du fichier « charte.pdf » est de type PNG mais son"
                              + " extension est « .pdf »."));
            });
    assertThat(documentsOf(applicationA)).isZero();
  }

  @Test
  void shouldListTheProblemsOnThePageInTheQuestionnairesOrder() throws Exception {
    // given: two wrong answers and two wrong files, far apart in the questionnaire
    MockMultipartHttpServletRequestBuilder post =
        postTo(tokenA)
            .file(new MockMultipartFile("file-ACC-02", "photo.pdf", "application/pdf", png()))
            .file(
                new MockMultipartFile("file-ENV-01", "attestation.pdf", "application/pdf", png()));
    post.param("answer-VAL-04", "beaucoup").param("answer-ENV-05", "trois ans");

    // when
    var page = mvc.perform(post.with(csrf()));

    // then: the answers' problems, then the files', each in the questionnaire's order
    page.andExpect(status().isUnprocessableEntity())
        .andExpect(xpath("//*[@id='error-summary']/h2/span").string("4"))
        .andExpect(xpath("//*[@id='error-summary']//li[1]/a/@href").string("#answer-ENV-05"))
        .andExpect(xpath("//*[@id='error-summary']//li[2]/a/@href").string("#answer-VAL-04"))
        .andExpect(xpath("//*[@id='error-summary']//li[3]/a/@href").string("#file-ENV-01"))
        .andExpect(xpath("//*[@id='error-summary']//li[4]/a/@href").string("#file-ACC-02"))
        .andExpect(xpath("//*[@id='answer-VAL-04-error']").exists())
        .andExpect(xpath("//*[@id='file-ACC-02-error']").exists());
    assertThat(documentsOf(applicationA)).isZero();
  }

  @Test
  void shouldShowAnInvalidAnswerOnItsFieldAndKeepWhatWasTyped() throws Exception {
    // when / then
    mvc.perform(
            postTo(tokenA)
                .param("answer-ENV-05", "trois ans")
                .param("answer-ENV-04", "YES")
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(xpath("//input[@id='answer-ENV-05']/@value").string("trois ans"))
        .andExpect(xpath("//input[@id='answer-ENV-05']/@aria-invalid").string("true"))
        .andExpect(xpath("//*[@id='answer-ENV-05-error']").string(containsString("nombre")));
    assertThat(portal.open(tokenA).application().answer("ENV-04")).isEmpty();
  }

  @Test
  void shouldCloseEveryLinkOfAClosedApplication() throws Exception {
    // given
    workers.closeApplication(applicationB, null, Map.of("closure", "NO_ANSWER"));

    // when / then
    mvc.perform(get("/portal/" + tokenB))
        .andExpect(status().isGone())
        .andExpect(content().string(containsString("Cette candidature est close")));
    mvc.perform(get("/portal/" + tokenA)).andExpect(status().isOk());
  }
}
