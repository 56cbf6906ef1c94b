package fr.secondevie.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.Reminders;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code notification.send-reminder} given the same job twice at the same instant (two threads
 * released together): one e-mail for that firing of the timer. Same context as {@link
 * ReminderWorkerTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReminderDoubleDeliveryTests {

  @Autowired ReminderWorker worker;
  @Autowired NotificationService notifications;

  @Test
  void shouldSendOneReminderWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    ActivatedJob firing =
        Jobs.job(
            Reminders.JOB_TYPE,
            "send-collection-reminder",
            Map.of(Reminders.HEADER, Reminders.COLLECTION_OVERDUE));

    // when
    DoubleDelivery.answers(
        DoubleDelivery.twiceAtOnce(
            () -> {
              worker.sendReminder(firing, ReminderWorkerTests.COLLECTION);
              return null;
            }));

    // then
    assertThat(notifications.latest(500))
        .filteredOn(n -> n.operationId().contains(":" + firing.getProcessInstanceKey() + ":"))
        .singleElement()
        .satisfies(n -> assertThat(n.recipient()).isEqualTo("dsi-techniciens@chu.example"));
  }
}
