package fr.secondevie.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Camunda mode: users log in with OpenID Connect (the hospital's identity provider, e.g. Keycloak).
 * Configure the client with Spring's standard variables, e.g. {@code
 * SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTID}, {@code ..._CLIENTSECRET}, {@code
 * ..._SCOPE=openid,profile,email} and {@code SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHU_ISSUERURI}.
 * Roles come from the ID-token claim {@code secondevie.security.oidc.roles-claim} ({@code roles} by
 * default); values matching a {@link Role} name (any case) become that role.
 */
@Configuration
@Profile("camunda")
class OidcRoles {

  @Bean
  GrantedAuthoritiesMapper oidcRoleMapper(
      @Value("${secondevie.security.oidc.roles-claim:roles}") String claim) {
    return authorities -> map(authorities, claim);
  }

  static Collection<? extends GrantedAuthority> map(
      Collection<? extends GrantedAuthority> authorities, String claim) {
    Set<GrantedAuthority> mapped = new HashSet<>(authorities);
    for (GrantedAuthority authority : authorities) {
      if (authority instanceof OidcUserAuthority oidc) {
        Object value = oidc.getIdToken().getClaims().get(claim);
        if (value == null && oidc.getUserInfo() != null) {
          value = oidc.getUserInfo().getClaims().get(claim);
        }
        if (value instanceof Collection<?> roles) {
          for (Object role : roles) {
            toRole(String.valueOf(role)).ifPresent(r -> mapped.add(new SimpleGrantedAuthority(r)));
          }
        }
      }
    }
    return List.copyOf(mapped);
  }

  static java.util.Optional<String> toRole(String value) {
    String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Role role : Role.values()) {
      if (role.name().equals(name)) {
        return java.util.Optional.of(role.authority());
      }
    }
    return java.util.Optional.empty();
  }
}
