package fr.secondevie.security;

import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The OpenID Connect providers of the users' login, resolved when the provider answers rather than
 * at start: with an {@code issuer-uri} Spring reads the provider's discovery document, and an
 * identity provider that starts after the application used to stop its start. Until it answers,
 * {@link #findByRegistrationId} gives nothing (the login page says the provider does not answer
 * yet) and every login attempt tries again.
 */
final class OidcProviders
    implements ClientRegistrationRepository, Iterable<ClientRegistration>, LoginProviders {

  private static final Logger LOG = LoggerFactory.getLogger(OidcProviders.class);

  private final OAuth2ClientProperties properties;
  private volatile Map<String, ClientRegistration> resolved;

  OidcProviders(OAuth2ClientProperties properties) {
    this.properties = properties;
  }

  /**
   * Reads the providers' configuration once they answer.
   *
   * @return true when resolved (now or before)
   */
  synchronized boolean resolve() {
    if (resolved != null) {
      return true;
    }
    try {
      resolved = Map.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
      LOG.info("Identity provider(s) {} answered: OIDC login available", resolved.keySet());
      return true;
    } catch (RuntimeException e) {
      LOG.warn(
          "Identity provider not reachable yet ({}): OIDC login unavailable until it answers",
          rootMessage(e));
      return false;
    }
  }

  boolean resolved() {
    return resolved != null;
  }

  /** The registrations configured, by id, whether their provider answered or not. */
  @Override
  public java.util.List<Provider> all() {
    boolean answering = resolve();
    return new java.util.TreeMap<>(properties.getRegistration())
        .entrySet().stream()
            .map(
                e ->
                    new Provider(
                        e.getKey(),
                        e.getValue().getClientName() == null
                            ? e.getKey()
                            : e.getValue().getClientName(),
                        answering))
            .toList();
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!resolve()) {
      return null;
    }
    return resolved.get(registrationId);
  }

  @Override
  public Iterator<ClientRegistration> iterator() {
    return resolve() ? resolved.values().iterator() : java.util.Collections.emptyIterator();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
