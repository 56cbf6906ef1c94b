package fr.secondevie.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * What a refused login gets: on {@code /api}, 429 with {@code Retry-After} and a problem+json body
 * while the user is locked out, 401 otherwise; on the login form, the login page with a message.
 */
class LoginResponses {

  private final ObjectMapper json;

  LoginResponses(ObjectMapper json) {
    this.json = json;
  }

  /** For HTTP Basic on {@code /api}. */
  AuthenticationEntryPoint api() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Seconde Vie");
    basic.afterPropertiesSet();
    return (request, response, exception) -> {
      if (exception instanceof LoginLockedException locked) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(locked.retryAfterSeconds()));
        problem(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "Trop de tentatives de connexion échouées pour ce compte depuis cette adresse :"
                + " réessayez dans "
                + locked.retryAfterSeconds()
                + " s.");
      } else {
        basic.commence(request, response, exception);
      }
    };
  }

  /** For the login form: {@code /login?locked} or {@code /login?error}. */
  AuthenticationFailureHandler form() {
    SimpleUrlAuthenticationFailureHandler error =
        new SimpleUrlAuthenticationFailureHandler("/login?error");
    SimpleUrlAuthenticationFailureHandler locked =
        new SimpleUrlAuthenticationFailureHandler("/login?locked");
    return (request, response, exception) ->
        (exception instanceof LoginLockedException ? locked : error)
            .onAuthenticationFailure(request, response, exception);
  }

  /** Pages and API refused until a password set by someone else is changed by its user. */
  PasswordChangeRequiredFilter passwordChangeRequired() {
    return new PasswordChangeRequiredFilter(this);
  }

  void problem(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
