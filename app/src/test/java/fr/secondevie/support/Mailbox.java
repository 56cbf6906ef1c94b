package fr.secondevie.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server stand-in for tests ({@code @Import(Mailbox.class)}): keeps every message handed to
 * it, as the recipient would read it. The outbox keeps what other users may read; this is what was
 * actually sent.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Mailbox {

  private static final Pattern PORTAL_LINK = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");
  private static final Pattern PORTAL_URL = Pattern.compile("\\S*/portal/[A-Za-z0-9_-]{43}");

  /** What the outbox keeps in place of a supplier's portal link. */
  public static final String LINK_PLACEHOLDER = "[lien personnel envoyé au fournisseur]";

  @Bean
  Server mailboxServer() {
    return new Server();
  }

  /** One message as sent. */
  public record Sent(String recipient, String subject, String body) {

    /** The token of the first portal link of the body, or null. */
    public String portalToken() {
      Matcher matcher = PORTAL_LINK.matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  /** The recording {@code JavaMailSender}. */
  public static class Server extends JavaMailSenderImpl {

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;

    /** From now on, refuses every message as a full mailbox would (or accepts them again). */
    public void refuse(boolean refuse) {
      this.refuse = refuse;
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      if (refuse) {
        throw new MailSendException("452 4.2.2 mailbox full");
      }
      for (MimeMessage m : messages) {
        try {
          m.saveChanges();
          sent.add(
              new Sent(
                  m.getAllRecipients()[0].toString(), m.getSubject(), m.getContent().toString()));
        } catch (MessagingException | IOException e) {
          throw new MailSendException("could not read the message", e);
        }
      }
    }

    /** Every message sent so far, oldest first. */
    public List<Sent> sent() {
      return List.copyOf(sent);
    }

    /**
     * The message sent for an outbox row: same recipient and subject, and the same body once its
     * portal links are replaced by the outbox's placeholder.
     */
    public Optional<Sent> sentFor(String recipient, String subject, String storedBody) {
      return sent.stream()
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
      return sent.stream().filter(m -> m.subject().contains(marker)).toList();
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
