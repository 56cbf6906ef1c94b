package fr.secondevie.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.client.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * OIDC login when a provider is configured: the providers are read when they answer ({@link
 * OidcProviders}), tried at start then again after 2 s, doubling up to {@code
 * secondevie.security.oidc.retry-max-delay} (1 min), with a log line each time, so that the
 * application starts and serves its pages while the identity provider is still starting.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class OidcLoginConfiguration implements DisposableBean {

  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "oidc-provider-retry");
            t.setDaemon(true);
            return t;
          });

  @Value("${secondevie.security.oidc.retry-max-delay:PT1M}")
  private Duration maxDelay;

  /**
   * After the application's logout, the browser goes to the provider's {@code end_session_endpoint}
   * (from its discovery document) with the ID token as hint, and comes back to the login page; a
   * provider configured without discovery only ends the application's session.
   */
  static LogoutSuccessHandler logoutHandler(ClientRegistrationRepository providers) {
    OidcClientInitiatedLogoutSuccessHandler handler =
        new OidcClientInitiatedLogoutSuccessHandler(providers);
    handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
    handler.setDefaultTargetUrl("/login?logout");
    return handler;
  }

  @Bean
  OidcProviders clientRegistrationRepository(OAuth2ClientProperties properties) {
    return new OidcProviders(properties);
  }

  @EventListener(ApplicationReadyEvent.class)
  void resolveWhenTheProviderAnswers(ApplicationReadyEvent event) {
    OidcProviders providers = event.getApplicationContext().getBean(OidcProviders.class);
    tryAgain(providers, Duration.ZERO);
  }

  private void tryAgain(OidcProviders providers, Duration delay) {
    retries.schedule(
        () -> {
          if (!providers.resolve()) {
            Duration next = delay.isZero() ? Duration.ofSeconds(2) : delay.multipliedBy(2);
            tryAgain(providers, next.compareTo(maxDelay) > 0 ? maxDelay : next);
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    retries.shutdownNow();
  }
}
