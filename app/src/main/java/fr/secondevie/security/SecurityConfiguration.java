package fr.secondevie.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Access rules for pages and API. URL rules here cover whole areas; feature modules state who may
 * call each controller with {@code @PreAuthorize} (method security is on).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  private static final String[] IMPORTERS = {Role.ASSET_MANAGER.name(), Role.ADMIN.name()};

  /** REST API: stateless, no session cookie, hence no CSRF token needed. */
  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectProvider<LoginResponses> localLogin)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/assets/import")
                    .hasAnyRole(IMPORTERS)
                    .requestMatchers("/api/imports/**")
                    .hasAnyRole(IMPORTERS)
                    .anyRequest()
                    .authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    LoginResponses local = localLogin.getIfAvailable();
    if (local == null) {
      http.httpBasic(withDefaults());
    } else {
      // 429 + Retry-After while locked out (LoginThrottle); password to change first
      http.httpBasic(basic -> basic.authenticationEntryPoint(local.api()))
          .addFilterAfter(local.passwordChangeRequired(), AuthorizationFilter.class);
    }
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
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/login")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    // supplier portal: no account, the unguessable token in the URL is the only
                    // key (checked by the suppliers module); CSRF stays on for its forms
                    .requestMatchers("/portal/**")
                    .permitAll()
                    .requestMatchers("/imports/**")
                    .hasAnyRole(IMPORTERS)
                    .requestMatchers("/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
    LoginResponses local = localLogin.getIfAvailable();
    if (local == null) {
      http.formLogin(form -> form.loginPage("/login").permitAll());
    } else {
      // "too many attempts" on the login page (LoginThrottle); password to change first
      http.formLogin(form -> form.loginPage("/login").failureHandler(local.form()).permitAll())
          .addFilterAfter(local.passwordChangeRequired(), AuthorizationFilter.class);
    }
    if (oidcClients.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc.loginPage("/login"));
    }
    return http.build();
  }
}
