package fr.secondevie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.notification.ReminderWorker.AssetVariable;
import fr.secondevie.notification.ReminderWorker.Input;
import fr.secondevie.notification.ReminderWorker.Order;
import fr.secondevie.processes.Reminders;
import fr.secondevie.support.Jobs;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** notification.send-reminder: a French e-mail to the acting group, once per timer firing. */
@SpringBootTest
@AutoConfigureMockMvc
class ReminderWorkerTests {

  @Autowired ReminderWorker worker;
  @Autowired NotificationService notifications;

  static final Input COLLECTION =
      new Input(
          42L,
          new AssetVariable(
              "CHU76-2019-00042",
              "DESKTOP",
              "Dell",
              "OptiPlex 7070",
              "Hôpital Charles-Nicolle > Cardiologie"),
          null,
          null,
          null,
          null);

  static ActivatedJob reminder(String reminder) {
    return Jobs.job(
        Reminders.JOB_TYPE, "send-collection-reminder", Map.of(Reminders.HEADER, reminder));
  }

  List<Notification> sentFor(ActivatedJob job) {
    return notifications.latest(500).stream()
        .filter(n -> n.operationId().contains(":" + job.getProcessInstanceKey() + ":"))
        .toList();
  }

  @Test
  void shouldSendTheCollectionReminderToTheTechniciansOncePerFiring() {
    // given
    ActivatedJob firing = reminder(Reminders.COLLECTION_OVERDUE);

    // when: delivered twice, then the timer fires again
    worker.sendReminder(firing, COLLECTION);
    worker.sendReminder(firing, COLLECTION);
    worker.sendReminder(Jobs.again(firing), COLLECTION);

    // then
    List<Notification> sent = sentFor(firing);
    assertThat(sent).hasSize(2);
    assertThat(sent)
        .allSatisfy(
            n -> {
              assertThat(n.recipient()).isEqualTo("dsi-techniciens@chu.example");
              assertThat(n.subject())
                  .isEqualTo("[Seconde Vie] Relance : collecte en attente — CHU76-2019-00042");
              assertThat(n.body())
                  .contains("L'équipement CHU76-2019-00042 (Dell OptiPlex 7070) attend toujours")
                  .contains("Lieu : Hôpital Charles-Nicolle > Cardiologie")
                  .contains("http://localhost:8080/assets/42")
                  .contains("tous les 3 jours");
            });
  }

  @Test
  void shouldAddressEachReminderToTheGroupThatActs() {
    Input lot = new Input(null, null, null, 12L, 30L, new Order("CMD-2026-12", null, null));
    Input reconditioning =
        new Input(
            42L,
            COLLECTION.asset(),
            new Order("RC-7", "SUPPLIER", "Ateliers du Bocage"),
            null,
            null,
            null);

    assertThat(worker.compose(Reminders.RECONDITIONING_OVERDUE, reconditioning))
        .satisfies(
            m -> {
              assertThat(m.group()).isEqualTo("ASSET_MANAGER");
              assertThat(m.body()).contains("(ordre RC-7, Ateliers du Bocage)");
            });
    assertThat(worker.compose(Reminders.PICKUP_OVERDUE, lot))
        .satisfies(
            m -> {
              assertThat(m.group()).isEqualTo("TECHNICIAN");
              assertThat(m.body())
                  .contains(
                      "lot de démantèlement n° 12 (30 équipements), bon de commande CMD-2026-12");
            });
    assertThat(worker.compose(Reminders.ATTESTATION_OVERDUE, lot).group())
        .isEqualTo("ASSET_MANAGER");
    assertThatThrownBy(() -> worker.compose("SOMETHING_ELSE", lot))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldWriteEachReminderFromItsTextTemplateWithOnlyTheKnownDetails() {
    // given: an asset with its location, then one without; a lot without its order
    Input unlocated =
        new Input(
            43L,
            new AssetVariable("CHU76-2020-00043", "LAPTOP", null, null, null),
            null,
            null,
            null,
            null);
    Input lot = new Input(null, null, null, 12L, null, null);

    // when
    String located = worker.compose(Reminders.COLLECTION_OVERDUE, COLLECTION).body();
    String bare = worker.compose(Reminders.COLLECTION_OVERDUE, unlocated).body();
    String attestation = worker.compose(Reminders.ATTESTATION_OVERDUE, lot).body();

    // then: the whole text, optional parts left out without a trace
    assertThat(located)
        .isEqualTo(
            """
            Bonjour,

            L'équipement CHU76-2019-00042 (Dell OptiPlex 7070) attend toujours d'être collecté et \
            inspecté (tâche « Collecter et inspecter l'équipement »).
            Lieu : Hôpital Charles-Nicolle > Cardiologie

            Merci de traiter la tâche ; la fiche de l'équipement : http://localhost:8080/assets/42

            Ce message est envoyé automatiquement tous les 3 jours tant que la collecte attend.
            --
            Seconde Vie
            """);
    assertThat(bare)
        .startsWith(
            "Bonjour,\n\nL'équipement CHU76-2020-00043 attend toujours d'être collecté et"
                + " inspecté (tâche « Collecter et inspecter l'équipement »).\n\nMerci de traiter")
        .contains("http://localhost:8080/assets/43");
    assertThat(attestation)
        .contains("l'attestation de l'entreprise adaptée du lot n° 12 manque encore.\n");
  }
}
