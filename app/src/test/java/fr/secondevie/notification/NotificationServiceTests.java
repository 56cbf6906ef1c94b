package fr.secondevie.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Without SMTP (embedded mode), messages are kept in the outbox, once per operation. */
// no SMTP stand-in here; no job worker either (the process e-mails of other tests need one)
@SpringBootTest(
    properties = {"secondevie.test.mailbox=false", "camunda.client.worker.defaults.enabled=false"})
class NotificationServiceTests {

  @Autowired NotificationService notifications;

  @Test
  void shouldRecordAMessageOnceWhenSentTwiceWithTheSameOperationId() {
    // given
    String operation = "op-" + UUID.randomUUID();
    OutgoingMessage message =
        new OutgoingMessage(
            operation, "ea@example.org", "Bon de commande", "Bonjour,\nLe lot 12 est prêt.", null);

    // when
    Notification first = notifications.send(message);
    Notification second = notifications.send(message);

    // then
    assertThat(first.status()).isEqualTo(NotificationStatus.RECORDED);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(notifications.latest(500))
        .filteredOn(n -> n.operationId().equals(operation))
        .hasSize(1);
  }

  @Test
  void shouldRefuseAMessageWithoutAValidRecipient() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new OutgoingMessage("op", "pas-une-adresse", "Objet", "Corps", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expected an e-mail address");
  }
}
