package fr.secondevie.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server stand-in for every test context (registered in {@code
 * META-INF/spring/...AutoConfiguration.imports} of the tests): keeps every message handed to it, as
 * the recipient would read it, in one store for the whole test JVM — the job workers of any cached
 * context may send a process's e-mail. The outbox keeps what other users may read; this is what was
 * actually sent. A test of the behaviour without SMTP sets {@code secondevie.test.mailbox=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(
    name = "secondevie.test.mailbox",
    havingValue = "true",
    matchIfMissing = true)
public class Mailbox {

  private static final Pattern PORTAL_LINK = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");
  private static final Pattern PORTAL_URL = Pattern.compile("\\S*/portal/[A-Za-z0-9_-]{43}");

  /** What the outbox keeps in place of a supplier's portal link. */
  public static final String LINK_PLACEHOLDER = "[lien personnel envoyé au fournisseur]";

  private static final List<Sent> SENT = new CopyOnWriteArrayList<>();
  private static volatile boolean refuse;

  @Bean
  @ConditionalOnMissingBean(JavaMailSender.class)
  Server mailboxServer() {
    return new Server();
  }

  /** One message as sent: its text body, and the message itself (attachments). */
  public record Sent(String recipient, String subject, String body, MimeMessage message) {

    /** The token of the first portal link of the body, or null. */
    public String portalToken() {
      Matcher matcher = PORTAL_LINK.matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  /** The recording {@code JavaMailSender}; every instance shares the JVM's store. */
  public static class Server extends JavaMailSenderImpl {

    /** From now on, refuses every message as a full mailbox would (or accepts them again). */
    public void refuse(boolean refuse) {
      Mailbox.refuse = refuse;
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      if (refuse) {
        throw new MailSendException("452 4.2.2 mailbox full");
      }
      for (MimeMessage m : messages) {
        try {
          m.saveChanges();
          Object content = m.getContent();
          SENT.add(
              new Sent(
                  m.getAllRecipients()[0].toString(),
                  m.getSubject(),
                  content instanceof String text ? text : "",
                  m));
        } catch (MessagingException | IOException e) {
          throw new MailSendException("could not read the message", e);
        }
      }
    }

    /** Every message sent so far in this JVM, oldest first. */
    public List<Sent> sent() {
      return List.copyOf(SENT);
    }

    /** The latest message sent to the recipient. */
    public Sent lastTo(String recipient) {
      List<Sent> to = SENT.stream().filter(m -> m.recipient().equals(recipient)).toList();
      if (to.isEmpty()) {
        throw new AssertionError("No message was sent to " + recipient);
      }
      return to.get(to.size() - 1);
    }

    /**
     * The message sent for an outbox row: same recipient and subject, and the same body once its
     * portal links are replaced by the outbox's placeholder.
     */
    public Optional<Sent> sentFor(String recipient, String subject, String storedBody) {
      return SENT.stream()
          .filter(m -> m.recipient().equals(recipient) && m.subject().equals(subject))
          .filter(
              m ->
                  PORTAL_URL
                      .matcher(m.body())
                      .replaceAll(Matcher.quoteReplacement(LINK_PLACEHOLDER))
                      .equals(storedBody))
          .reduce((first, second) -> second);
    }

    /** The messages about a supplier application (its number is in their subject), oldest first. */
    public List<Sent> aboutApplication(long applicationId) {
      String marker = "(candidature n° " + applicationId + ")";
      return SENT.stream().filter(m -> m.subject().contains(marker)).toList();
    }

    /** The portal token of the latest message about the application that carries one. */
    public String latestPortalToken(long applicationId) {
      List<String> tokens =
          aboutApplication(applicationId).stream()
              .map(Sent::portalToken)
              .filter(t -> t != null)
              .toList();
      if (tokens.isEmpty()) {
        throw new AssertionError("No portal link was sent for application " + applicationId);
      }
      return tokens.get(tokens.size() - 1);
    }
  }
}
