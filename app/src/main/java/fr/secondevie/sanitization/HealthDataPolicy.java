package fr.secondevie.sanitization;

import fr.secondevie.inventory.Asset;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Whether an asset's media may hold health data: yes, unless its service is one of {@code
 * secondevie.sanitization.services-without-health-data}. In a hospital the safe default is yes.
 */
@Component
class HealthDataPolicy {

  private final SanitizationProperties properties;

  HealthDataPolicy(SanitizationProperties properties) {
    this.properties = properties;
  }

  boolean mayHoldHealthData(Asset asset) {
    String service = asset.service();
    if (service == null || service.isBlank()) {
      return true;
    }
    String normalized = service.strip().toLowerCase(Locale.ROOT);
    return properties.servicesWithoutHealthData().stream()
        .noneMatch(s -> s.strip().toLowerCase(Locale.ROOT).equals(normalized));
  }
}
