package fr.secondevie.notification;

import fr.secondevie.common.Prerequisite;
import fr.secondevie.common.PrerequisiteCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Messages need an SMTP server, real addresses for the groups that receive reminders, and an
 * application address that the recipients can reach.
 */
@Component
class NotificationPrerequisites implements PrerequisiteCheck {

  /** The groups whose mailbox receives reminders and reports. */
  static final List<String> GROUPS = List.of("TECHNICIAN", "ASSET_MANAGER", "DIRECTOR");

  private final NotificationProperties properties;
  private final Environment environment;

  NotificationPrerequisites(NotificationProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public List<Prerequisite> missing() {
    List<Prerequisite> missing = new ArrayList<>();
    boolean smtp = !environment.getProperty("spring.mail.host", "").isBlank();
    if (!smtp) {
      missing.add(
          new Prerequisite(
              "Aucun serveur de messagerie (SMTP) n'est configuré.",
              "Les e-mails (ordres, rappels, conventions) restent dans la boîte d'envoi sans être"
                  + " envoyés.",
              "spring.mail.host (SPRING_MAIL_HOST)"));
    }
    Map<String, String> addresses = properties.groupAddresses();
    for (String group : GROUPS) {
      String address = addresses.getOrDefault(group, "").strip();
      if (address.isEmpty()) {
        missing.add(
            new Prerequisite(
                "Pas d'adresse e-mail pour le groupe " + group + ".",
                "Les rappels destinés à ce groupe échoueront et ouvriront un incident.",
                "secondevie.notification.group-addresses." + group));
      } else if (reserved(address)) {
        missing.add(
            new Prerequisite(
                "L'adresse du groupe " + group + " est une adresse d'exemple (" + address + ").",
                "Les messages de ce groupe ne parviendront à personne : le domaine « .example »"
                    + " est réservé (RFC 2606).",
                "secondevie.notification.group-addresses." + group));
      }
    }
    if (smtp && local(properties.appUrl())) {
      missing.add(
          new Prerequisite(
              "L'adresse de l'application dans les e-mails est locale ("
                  + properties.appUrl()
                  + ").",
              "Les liens des messages ne s'ouvriront pas depuis le poste des destinataires.",
              "secondevie.notification.app-url"));
    }
    return missing;
  }

  private static boolean reserved(String address) {
    String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return domain.equals("example")
        || domain.endsWith(".example")
        || domain.equals("example.com")
        || domain.equals("example.org")
        || domain.equals("example.net");
  }

  private static boolean local(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null
          || host.equalsIgnoreCase("localhost")
          || host.startsWith("127.")
          || host.equals("[::1]")
          || host.equals("::1");
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
