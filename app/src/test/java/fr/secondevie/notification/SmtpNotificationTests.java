package fr.secondevie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With an SMTP server, messages are sent with their attachments; a refusal is retried. */
@SpringBootTest
class SmtpNotificationTests {

  @Autowired NotificationService notifications;
  @Autowired DocumentService documents;
  @Autowired RecordingMailSender smtp;

  @BeforeEach
  void acceptMail() {
    smtp.refuse = false;
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
    MimeMessage mail = smtp.sent.get(smtp.sent.size() - 1);
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
    smtp.refuse = true;

    // when
    assertThatThrownBy(() -> notifications.send(message))
        .isInstanceOf(NotificationFailedException.class)
        .hasMessageContaining("ea@example.org");
    smtp.refuse = false;
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
    MimeMessage mail = smtp.sent.get(smtp.sent.size() - 1);
    assertThat(mail.getContent().toString())
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

  @TestConfiguration
  static class Smtp {
    @Bean
    RecordingMailSender recordingMailSender() {
      return new RecordingMailSender();
    }
  }

  /** An SMTP server stand-in: keeps what it is given, or refuses it. */
  static class RecordingMailSender extends JavaMailSenderImpl {
    final List<MimeMessage> sent = new ArrayList<>();
    volatile boolean refuse;

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      if (refuse) {
        throw new MailSendException("550 mailbox unavailable");
      }
      for (MimeMessage m : messages) {
        try {
          m.saveChanges();
        } catch (jakarta.mail.MessagingException e) {
          throw new MailSendException("could not prepare", e);
        }
        sent.add(m);
      }
    }
  }
}
