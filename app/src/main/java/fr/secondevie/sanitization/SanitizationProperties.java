package fr.secondevie.sanitization;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sanitization module ({@code secondevie.sanitization.*}).
 *
 * @param organization name printed on certificates as the organisation performing the wipe
 * @param servicesWithoutHealthData services (as imported from GLPI, compared ignoring case) whose
 *     assets hold no health data; every other asset is treated as holding health data (Purge)
 * @param reportMessageTtl time to live of message {@code SanitizationReported}: a report may arrive
 *     before the process waits for it
 */
@ConfigurationProperties("secondevie.sanitization")
record SanitizationProperties(
    String organization, List<String> servicesWithoutHealthData, Duration reportMessageTtl) {

  public SanitizationProperties {
    organization = organization == null || organization.isBlank() ? "CHU" : organization.strip();
    servicesWithoutHealthData =
        servicesWithoutHealthData == null ? List.of() : List.copyOf(servicesWithoutHealthData);
    reportMessageTtl = reportMessageTtl == null ? Duration.ofDays(7) : reportMessageTtl;
  }
}
