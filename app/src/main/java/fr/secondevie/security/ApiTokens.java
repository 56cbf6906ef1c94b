package fr.secondevie.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OAuth2 bearer tokens (JWT) on {@code /api}: what a service account of the identity provider (GLPI
 * synchronisation, wipe station, reconditioning workshop) sends in Camunda mode. The token's
 * signature, issuer, validity and audience are checked by Spring Security's decoder, configured
 * with Spring Boot's standard properties ({@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code ...jwk-set-uri}, {@code
 * ...audiences}). Roles come from the same claim as the users' ({@code
 * secondevie.security.oidc.roles-claim}); a token without a known role is authenticated but may
 * call only what any user may. The caller's name, recorded as the actor of what it does, is the
 * token's {@code preferred_username} (Keycloak: {@code service-account-<client id>}), else its
 * {@code client_id} or {@code azp}, else its subject.
 */
final class ApiTokens implements Converter<Jwt, AbstractAuthenticationToken> {

  private static final List<String> NAME_CLAIMS =
      List.of("preferred_username", "client_id", "azp", "sub");

  private final String rolesClaim;

  ApiTokens(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new JwtAuthenticationToken(jwt, roles(jwt), name(jwt));
  }

  private Collection<GrantedAuthority> roles(Jwt jwt) {
    List<GrantedAuthority> roles = new ArrayList<>();
    if (jwt.getClaims().get(rolesClaim) instanceof Collection<?> values) {
      for (Object value : values) {
        OidcRoles.toRole(String.valueOf(value))
            .map(SimpleGrantedAuthority::new)
            .filter(role -> !roles.contains(role))
            .ifPresent(roles::add);
      }
    }
    return roles;
  }

  private static String name(Jwt jwt) {
    for (String claim : NAME_CLAIMS) {
      String value = jwt.getClaimAsString(claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "jeton-sans-nom";
  }
}
