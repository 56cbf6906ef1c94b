package fr.secondevie.notification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * Where group messages go ({@code secondevie.notification.*}).
 *
 * @param groupAddresses e-mail address per candidate group (TECHNICIAN, ASSET_MANAGER, DIRECTOR),
 *     e.g. a functional mailbox of the DSI
 * @param appUrl the application's address, for links in messages
 */
@NamedInterface("api")
@ConfigurationProperties("secondevie.notification")
public record NotificationProperties(Map<String, String> groupAddresses, String appUrl) {

  public NotificationProperties {
    groupAddresses = groupAddresses == null ? Map.of() : Map.copyOf(groupAddresses);
    appUrl =
        appUrl == null || appUrl.isBlank()
            ? "http://localhost:8080"
            : appUrl.strip().replaceAll("/+$", "");
  }

  /**
   * @throws IllegalStateException no address is configured for this group (a configuration fault:
   *     the job fails and is retried, then an incident names the missing property)
   */
  public String addressOf(String group) {
    String address = groupAddresses.get(group);
    if (address == null || address.isBlank()) {
      throw new IllegalStateException(
          "Expected an e-mail address for group %s in secondevie.notification.group-addresses.%s but found none"
              .formatted(group, group));
    }
    return address.strip();
  }
}
