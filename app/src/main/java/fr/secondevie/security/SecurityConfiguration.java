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
  SecurityFilterChain api(HttpSecurity http) throws Exception {
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
        .httpBasic(withDefaults())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    return http.build();
  }

  /** Pages: session, form login (or OIDC when configured), CSRF on. */
  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcClients)
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
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
    if (oidcClients.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc.loginPage("/login"));
    }
    return http.build();
  }
}
