package fr.secondevie.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class ViewerTests {

  @Test
  void shouldNameAnOidcUserByTheNameClaimThenThePreferredUserName() {
    // given
    OidcIdToken named =
        token(Map.of("sub", "u-123", "name", "Camille Martin", "preferred_username", "cmartin"));
    OidcIdToken unnamed = token(Map.of("sub", "u-456", "preferred_username", "pleroy"));

    // when
    Viewer camille = Viewer.of(oidc(named));
    Viewer paul = Viewer.of(oidc(unnamed));

    // then
    assertThat(camille.login()).isEqualTo("u-123");
    assertThat(camille.displayName()).isEqualTo("Camille Martin");
    assertThat(camille.roles()).containsExactly("TECHNICIAN");
    assertThat(paul.displayName()).isEqualTo("pleroy");
  }

  @Test
  void shouldNameALocalUserByTheLogin() {
    // given
    UsernamePasswordAuthenticationToken local =
        UsernamePasswordAuthenticationToken.authenticated(
            "technicien", null, List.of(new SimpleGrantedAuthority("ROLE_TECHNICIAN")));

    // when
    Viewer viewer = Viewer.of(local);

    // then
    assertThat(viewer.displayName()).isEqualTo("technicien");
  }

  private static OidcIdToken token(Map<String, Object> claims) {
    return new OidcIdToken("jwt", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), claims);
  }

  private static OAuth2AuthenticationToken oidc(OidcIdToken token) {
    DefaultOidcUser user =
        new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_TECHNICIAN")), token);
    return new OAuth2AuthenticationToken(user, user.getAuthorities(), "chu");
  }
}
