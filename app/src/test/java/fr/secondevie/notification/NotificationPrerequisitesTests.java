package fr.secondevie.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.common.Prerequisite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NotificationPrerequisitesTests {

  static final Map<String, String> REAL =
      Map.of(
          "TECHNICIAN", "dsi-techniciens@chu-rouen.fr",
          "ASSET_MANAGER", "gestion-parc@chu-rouen.fr",
          "DIRECTOR", "direction@chu-rouen.fr");

  static List<Prerequisite> check(Map<String, String> addresses, String url, String smtpHost) {
    MockEnvironment environment = new MockEnvironment();
    if (smtpHost != null) {
      environment.setProperty("spring.mail.host", smtpHost);
    }
    return new NotificationPrerequisites(new NotificationProperties(addresses, url), environment)
        .missing();
  }

  @Test
  void shouldBeReadyWithAServerRealAddressesAndAReachableUrl() {
    // given / when
    List<Prerequisite> missing =
        check(REAL, "https://seconde-vie.chu-rouen.fr", "smtp.chu-rouen.fr");

    // then
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldSayThatMessagesStayInTheOutboxWithoutAnSmtpServer() {
    // given / when
    List<Prerequisite> missing = check(REAL, "http://localhost:8080", null);

    // then: the local URL matters only once messages leave
    assertThat(missing)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.fixPath()).startsWith("spring.mail.host");
              assertThat(p.consequence()).contains("boîte d'envoi");
            });
  }

  @Test
  void shouldRefuseReservedExampleDomainsAndMissingGroups() {
    // given
    Map<String, String> addresses =
        Map.of("TECHNICIAN", "dsi-techniciens@chu.example", "ASSET_MANAGER", "parc@example.com");

    // when
    List<Prerequisite> missing = check(addresses, "https://sv.chu-rouen.fr", "smtp.chu-rouen.fr");

    // then
    assertThat(missing)
        .extracting(Prerequisite::fixPath)
        .containsExactly(
            "secondevie.notification.group-addresses.TECHNICIAN",
            "secondevie.notification.group-addresses.ASSET_MANAGER",
            "secondevie.notification.group-addresses.DIRECTOR");
    assertThat(missing.get(0).what()).contains("adresse d'exemple");
    assertThat(missing.get(2).what()).contains("Pas d'adresse");
  }

  @Test
  void shouldSayThatLinksToLocalhostDoNotOpenForTheRecipients() {
    // given / when
    List<Prerequisite> missing = check(REAL, "http://127.0.0.1:8080", "smtp.chu-rouen.fr");

    // then
    assertThat(missing)
        .singleElement()
        .extracting(Prerequisite::fixPath)
        .isEqualTo("secondevie.notification.app-url");
  }
}
