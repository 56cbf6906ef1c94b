package fr.secondevie.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The security headers of every response (pages, API, documents), on top of Spring Security's
 * defaults ({@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, no-cache
 * headers, and {@code Strict-Transport-Security} on requests served over HTTPS only).
 *
 * <p>The Content-Security-Policy allows no inline script, no {@code eval}, no inline style: every
 * script is a file under {@code static/js/} or htmx's webjar (configured by a {@code htmx-config}
 * meta tag not to inject its indicator {@code <style>} nor evaluate anything). A response that
 * already sets one of these headers keeps its value (the supplier portal sends {@code
 * Referrer-Policy: no-referrer}).
 */
final class WebHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Browser features the application never uses, turned off for it and anything it embeds. */
  static final String PERMISSIONS_POLICY =
      "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(),"
          + " magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(),"
          + " xr-spatial-tracking=()";

  static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;

  private WebHeaders() {}

  static void apply(HttpSecurity http) throws Exception {
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .frameOptions(frame -> frame.deny())
                // Spring Security writes it on secure requests only (HTTPS, or a trusted proxy's
                // X-Forwarded-Proto with server.forward-headers-strategy=native)
                .httpStrictTransportSecurity(
                    hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)));
  }
}
