package fr.secondevie.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Access rules for pages and API. Who may call each route is declared once in {@link AccessRules},
 * applied here at URL level (before any request body is read); controllers keep their
 * {@code @PreAuthorize} as a second check (method security is on). Response headers are set by
 * {@link WebHeaders}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  /**
   * REST API: stateless, no session cookie, hence no CSRF token needed. Local accounts use HTTP
   * Basic (embedded mode); with an identity provider, API clients send OAuth2 bearer tokens ({@link
   * ApiTokens}).
   */
  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ObjectProvider<LoginResponses> localLogin,
      ObjectProvider<JwtDecoder> tokenDecoder,
      @Value("${secondevie.security.oidc.roles-claim:roles}") String rolesClaim)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(AccessRules::applyTo)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    JwtDecoder tokens = tokenDecoder.getIfAvailable();
    if (tokens != null) {
      // API clients' service accounts (bearer tokens) when an issuer or key set is configured
      http.oauth2ResourceServer(
          server ->
              server.jwt(
                  jwt ->
                      jwt.decoder(tokens).jwtAuthenticationConverter(new ApiTokens(rolesClaim))));
    }
    LoginResponses local = localLogin.getIfAvailable();
    if (local == null) {
      if (tokens == null) {
        http.httpBasic(withDefaults());
      }
    } else {
      // 429 + Retry-After while locked out (LoginThrottle); password to change first
      http.httpBasic(basic -> basic.authenticationEntryPoint(local.api()))
          .addFilterAfter(local.passwordChangeRequired(), AuthorizationFilter.class);
    }
    WebHeaders.apply(http);
    return http.build();
  }

  /** Pages: session, form login (or OIDC when configured), CSRF on. */
  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> oidcClients,
      ObjectProvider<LoginResponses> localLogin)
      throws Exception {
    http.authorizeHttpRequests(AccessRules::applyTo)
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
    LoginResponses local = localLogin.getIfAvailable();
    if (local == null) {
      http.formLogin(form -> form.loginPage("/login").permitAll());
    } else {
      // "too many attempts" on the login page (LoginThrottle); password to change first
      http.formLogin(form -> form.loginPage("/login").failureHandler(local.form()).permitAll())
          .addFilterAfter(local.passwordChangeRequired(), AuthorizationFilter.class);
    }
    ClientRegistrationRepository providers = oidcClients.getIfAvailable();
    if (providers != null) {
      // logging out ends the provider's session too (RP-initiated logout): on a shared ward
      // workstation, "Se connecter" must ask for a password again
      http.logout(
          logout -> logout.logoutSuccessHandler(OidcLoginConfiguration.logoutHandler(providers)));
      // a provider that does not answer yet: back to the login page, which says so
      http.oauth2Login(
          oidc ->
              oidc.loginPage("/login")
                  .withObjectPostProcessor(
                      new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                        @Override
                        public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(
                            O filter) {
                          filter.setAuthenticationFailureHandler(
                              (request, response, e) ->
                                  response.sendRedirect("/login?provider-unavailable"));
                          return filter;
                        }
                      }));
    }
    WebHeaders.apply(http);
    return http.build();
  }

  /** Redirects to the application are relative, never built from the request's Host header. */
  @Bean
  FilterRegistrationBean<SameHostRedirects> sameHostRedirects() {
    FilterRegistrationBean<SameHostRedirects> registration =
        new FilterRegistrationBean<>(new SameHostRedirects());
    // around Spring Security's filters, which build the login and saved-request redirects
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
