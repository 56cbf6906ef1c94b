package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.newProcessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.notification.NotificationFailedException;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import fr.secondevie.support.Mailbox;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A supplier's portal link is a key to its application: it travels only in the e-mail sent to the
 * supplier. The outbox (table {@code notification}, page <i>Boîte d'envoi</i>) keeps a placeholder,
 * so an auditor or asset manager reading it cannot answer as the supplier.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class PortalLinkSecrecyTests {

  @Autowired MockMvc mvc;
  @Autowired ReferencingWorkers workers;
  @Autowired Mailbox.Server mailbox;
  @Autowired JdbcTemplate jdbc;
  @MockitoBean SupplierProcesses processes;

  @AfterEach
  void acceptMailAgain() {
    mailbox.refuse(false);
  }

  private long invited(String name) {
    long applicationId =
        (Long)
            workers
                .registerCandidate(candidate(name), newProcessKey())
                .get(Variables.APPLICATION_ID);
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    return applicationId;
  }

  private List<String> storedBodies(long applicationId) {
    return jdbc.queryForList(
        "SELECT body FROM notification WHERE operation_id LIKE ?",
        String.class,
        "supplier-application:" + applicationId + ":%");
  }

  @Test
  void shouldSendThePortalLinkToTheSupplierButKeepItOutOfTheOutbox() throws Exception {
    // when
    long applicationId = invited("Gamma Informatique");

    // then: the supplier's e-mail carries a working link
    String token = mailbox.latestPortalToken(applicationId);
    assertThat(mailbox.aboutApplication(applicationId).get(0).body())
        .contains("http://localhost:8080/portal/" + token)
        .doesNotContain(Mailbox.LINK_PLACEHOLDER);
    mvc.perform(get("/portal/" + token)).andExpect(status().isOk());
    // the outbox row keeps the placeholder, not the token
    assertThat(storedBodies(applicationId))
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .contains("Votre lien personnel", Mailbox.LINK_PLACEHOLDER)
                    .doesNotContain(token)
                    .doesNotContain("/portal/"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification WHERE body LIKE ? OR subject LIKE ?"
                    + " OR operation_id LIKE ? OR failure LIKE ?",
                Integer.class,
                "%" + token + "%",
                "%" + token + "%",
                "%" + token + "%",
                "%" + token + "%"))
        .isZero();
    // and the outbox page shows it to an auditor without the link
    mvc.perform(get("/notifications").with(user("auditeur").roles("AUDITOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Questionnaire RSE — Gamma Informatique")))
        .andExpect(content().string(containsString(Mailbox.LINK_PLACEHOLDER)))
        .andExpect(content().string(not(containsString(token))));
  }

  @Test
  void shouldKeepTheReminderLinkOutOfTheOutboxToo() throws Exception {
    // given
    long applicationId = invited("Delta Services");

    // when
    workers.sendReminder(applicationId, newProcessKey());

    // then
    String reminderToken = mailbox.latestPortalToken(applicationId);
    assertThat(mailbox.aboutApplication(applicationId).get(1).subject()).startsWith("Rappel");
    mvc.perform(get("/portal/" + reminderToken)).andExpect(status().isOk());
    assertThat(storedBodies(applicationId))
        .hasSize(2)
        .allSatisfy(
            body -> assertThat(body).contains(Mailbox.LINK_PLACEHOLDER).doesNotContain("/portal/"));
  }

  @Test
  void shouldSendAFreshWorkingLinkWhenTheJobIsRetriedAfterAFailedSend() throws Exception {
    // given: the SMTP server refuses the invitation
    long applicationId =
        (Long)
            workers
                .registerCandidate(candidate("Epsilon Reprise"), newProcessKey())
                .get(Variables.APPLICATION_ID);
    long job = newProcessKey();
    mailbox.refuse(true);
    assertThatThrownBy(() -> workers.sendQuestionnaire(applicationId, null, job))
        .isInstanceOf(NotificationFailedException.class);
    assertThat(mailbox.aboutApplication(applicationId)).isEmpty();

    // when: the job is retried once the server accepts mail again
    mailbox.refuse(false);
    workers.sendQuestionnaire(applicationId, null, job);

    // then: the supplier gets a link that works; neither outbox row holds it
    String token = mailbox.latestPortalToken(applicationId);
    mvc.perform(get("/portal/" + token)).andExpect(status().isOk());
    assertThat(storedBodies(applicationId))
        .hasSize(2)
        .allSatisfy(
            body -> assertThat(body).contains(Mailbox.LINK_PLACEHOLDER).doesNotContain(token));
    assertThat(
            jdbc.queryForList(
                "SELECT status FROM notification WHERE operation_id LIKE ? ORDER BY id",
                String.class,
                "supplier-application:" + applicationId + ":%"))
        .containsExactly("FAILED", "SENT");
  }

  @Test
  void shouldScrubTheLinksThatEarlierVersionsKeptInTheOutbox() throws Exception {
    // given: a row as stored before V55
    String token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE";
    String operation = "supplier-application:0:legacy-" + newProcessKey();
    jdbc.update(
        "INSERT INTO notification (operation_id, recipient, subject, body, status, created_at)"
            + " VALUES (?, 'a@b.example', 'Questionnaire RSE', ?, 'SENT', UTC_TIMESTAMP(6))",
        operation,
        "Votre lien personnel :\nhttps://chu.example/portal/"
            + token
            + "\n\nLe service des achats");

    // when: the migration's statement runs
    String migration =
        new String(
            getClass()
                .getResourceAsStream("/db/migration/V55__outbox_without_portal_links.sql")
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    jdbc.update(
        migration
            .lines()
            .filter(l -> !l.startsWith("--"))
            .collect(java.util.stream.Collectors.joining("\n"))
            .replace(";", ""));

    // then
    assertThat(
            jdbc.queryForObject(
                "SELECT body FROM notification WHERE operation_id = ?", String.class, operation))
        .isEqualTo(
            "Votre lien personnel :\n" + Mailbox.LINK_PLACEHOLDER + "\n\nLe service des achats");
  }
}
