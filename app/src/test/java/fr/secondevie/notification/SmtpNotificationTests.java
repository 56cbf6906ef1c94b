package fr.secondevie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.support.Mailbox;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With an SMTP server (the tests' {@link Mailbox}), messages are sent with their attachments; a
 * refusal is retried; secrets reach the message sent only.
 */
@SpringBootTest
class SmtpNotificationTests {

  @Autowired NotificationService notifications;
  @Autowired DocumentService documents;
  @Autowired Mailbox.Server smtp;

  @AfterEach
  void acceptMail() {
    smtp.refuse(false);
  }

  @Test
  void shouldSendAMessageWithItsAttachment() throws Exception {
    // given
    StoredDocument order =
        documents.store(
            NewDocument.pdf(
                DocumentKind.DISMANTLING_ORDER,
                "bon-de-commande.pdf",
                "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                "lot:1",
                "test"));
    String operation = "op-" + UUID.randomUUID();

    // when
    Notification sent =
        notifications.send(
            new OutgoingMessage(
                operation,
                "ea@example.org",
                "Lot à enlever",
                "Bonjour",
                List.of(order.publicId())));

    // then
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    MimeMessage mail = smtp.lastTo("ea@example.org").message();
    assertThat(mail.getSubject()).isEqualTo("Lot à enlever");
    assertThat(((Multipart) mail.getContent()).getBodyPart(1).getFileName())
        .isEqualTo("bon-de-commande.pdf");
  }

  @Test
  void shouldRecordARefusalThenSendOnRetry() {
    // given
    OutgoingMessage message =
        new OutgoingMessage(
            "op-" + UUID.randomUUID(), "ea@example.org", "Relance", "Bonjour", List.of());
    smtp.refuse(true);

    // when
    assertThatThrownBy(() -> notifications.send(message))
        .isInstanceOf(NotificationFailedException.class)
        .hasMessageContaining("ea@example.org");
    smtp.refuse(false);
    Notification retried = notifications.send(message);

    // then
    assertThat(retried.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(retried.failure()).isNull();
  }

  @Test
  void shouldSendTheSecretButStoreOnlyItsPlaceholder() throws Exception {
    // given
    String link = "https://chu.example/portal/" + "x".repeat(43);
    OutgoingMessage message =
        new OutgoingMessage(
            "op-" + UUID.randomUUID(),
            "contact@fournisseur.example",
            "Questionnaire RSE",
            "Votre lien personnel :\n[lien personnel]\nÀ bientôt",
            List.of(),
            Map.of("[lien personnel]", link));

    // when
    Notification stored = notifications.send(message);

    // then
    assertThat(stored.body()).isEqualTo("Votre lien personnel :\n[lien personnel]\nÀ bientôt");
    assertThat(notifications.latest(500))
        .filteredOn(n -> n.operationId().equals(message.operationId()))
        .singleElement()
        .satisfies(n -> assertThat(n.body()).doesNotContain(link));
    assertThat(smtp.lastTo("contact@fournisseur.example").body())
        .isEqualTo("Votre lien personnel :\n" + link + "\nÀ bientôt");
    assertThat(message.toString()).doesNotContain(link);
  }

  @Test
  void shouldRefuseASecretThatTheStoredBodyWouldShow() {
    assertThatThrownBy(
            () ->
                new OutgoingMessage(
                    "op",
                    "a@b.example",
                    "Objet",
                    "lien : s3cr3t",
                    List.of(),
                    Map.of("[x]", "s3cr3t")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new OutgoingMessage(
                    "op",
                    "a@b.example",
                    "Objet",
                    "pas de marque",
                    List.of(),
                    Map.of("[x]", "s3cr3t")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
