package fr.secondevie.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password was set by someone else (first administrator, creation, reset) may do
 * nothing but change it: pages redirect to {@code /account/password}, {@code /api} answers 403.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

  static final String PAGE = "/account/password";

  private final LoginResponses responses;

  PasswordChangeRequiredFilter(LoginResponses responses) {
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!mustChange(SecurityContextHolder.getContext().getAuthentication()) || allowed(path)) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/api/")) {
      responses.problem(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Le mot de passe de ce compte doit d'abord être changé, depuis la page " + PAGE + ".");
    } else {
      response.sendRedirect(request.getContextPath() + PAGE);
    }
  }

  private static boolean mustChange(Authentication authentication) {
    return authentication != null
        && authentication.getAuthorities().stream()
            .anyMatch(a -> LocalUsers.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
  }

  private static boolean allowed(String path) {
    return path.equals(PAGE)
        || path.equals("/logout")
        || path.equals("/login")
        || path.equals("/error")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.equals("/favicon.ico");
  }
}
