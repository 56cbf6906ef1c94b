package fr.secondevie.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The decoder of the API clients' bearer tokens ({@link ApiTokens}), present when Spring Boot's
 * standard properties name the identity provider: {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} (its keys are then found through OpenID
 * Connect discovery, when the first token arrives, so the provider may start after the application)
 * and/or {@code ...jwk-set-uri} (its key set, e.g. Keycloak's {@code
 * /realms/<realm>/protocol/openid-connect/certs}), and {@code ...audiences} (the {@code aud} values
 * accepted; any when empty). A token is accepted only when its signature, issuer (when configured),
 * audience and validity period (checked against the application's clock, 60 s of skew) are right.
 * This replaces Spring Boot's own decoder only to use the application's clock.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenDecoder {

  private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

  @Bean
  @ConditionalOnExpression(
      "'${" + PREFIX + "issuer-uri:}' != '' or '${" + PREFIX + "jwk-set-uri:}' != ''")
  JwtDecoder apiBearerTokenDecoder(
      @Value("${" + PREFIX + "issuer-uri:}") String issuer,
      @Value("${" + PREFIX + "jwk-set-uri:}") String keySet,
      @Value("${" + PREFIX + "audiences:}") List<String> audiences,
      Clock clock) {
    OAuth2TokenValidator<Jwt> validator = validator(issuer, audiences, clock);
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder =
              keySet.isBlank()
                  ? NimbusJwtDecoder.withIssuerLocation(issuer).build()
                  : NimbusJwtDecoder.withJwkSetUri(keySet).build();
          decoder.setJwtValidator(validator);
          return decoder;
        });
  }

  static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, Clock clock) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    JwtTimestampValidator validity = new JwtTimestampValidator();
    validity.setClock(clock);
    validators.add(validity);
    if (!issuer.isBlank()) {
      validators.add(new JwtIssuerValidator(issuer));
    }
    List<String> accepted = audiences.stream().filter(a -> !a.isBlank()).toList();
    if (!accepted.isEmpty()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(accepted::contains)));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }
}
