package fr.secondevie.tasks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The number of open tasks on <em>Mes tâches</em> in the menu ({@code @taskCounter} in the layout):
 * asked only when a page is rendered, never for the API.
 *
 * <p>The menu is on every page, and counting asks the process runtime several searches: the number
 * is kept in the user's session for {@link #KEPT} at most, and counted again at the first page
 * after any form the user sent (a task claimed, released or completed through the application, or
 * anything else that may change it), so the number the user sees right after their own action is
 * right. What others do (a task offered to the user's role, taken by a colleague) shows within
 * {@link #KEPT}. Kept in the session rather than in this replica's memory, so that the page after a
 * form is right whichever replica serves it.
 */
@Component("taskCounter")
public class TaskCounter implements WebMvcConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCounter.class);

  /** How long a counted number is shown without counting again. */
  static final Duration KEPT = Duration.ofSeconds(30);

  /** Session attribute: the last number counted ({@link Counted}). */
  static final String COUNTED = TaskCounter.class.getName() + ".counted";

  /** Session attribute: when the user last sent a form ({@link Instant}). */
  static final String ACTED = TaskCounter.class.getName() + ".acted";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final TaskInbox inbox;
  private final Clock clock;

  TaskCounter(TaskInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  /** A number counted for a login, and when the counting started. */
  record Counted(String login, int count, Instant at) implements Serializable {}

  /**
   * The open tasks the signed-in user may work, or null for nobody signed in or when the runtime
   * does not answer (the menu then shows no number rather than failing the page).
   */
  public Integer forCurrentUser() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return null;
    }
    HttpSession session = currentSession();
    Instant now = clock.instant();
    if (session != null
        && session.getAttribute(COUNTED) instanceof Counted kept
        && kept.login().equals(user.getName())
        && stillValid(kept, session.getAttribute(ACTED), now)) {
      return kept.count();
    }
    try {
      int count = inbox.count(Viewer.of(user));
      if (session != null) {
        session.setAttribute(COUNTED, new Counted(user.getName(), count, now));
      }
      return count;
    } catch (RuntimeException e) {
      // the menu is on every page: a runtime that does not answer must not fail them
      LOG.debug("Task counter unavailable: {}", e.getMessage());
      return null;
    }
  }

  /**
   * Counted less than {@link #KEPT} ago, and after the user's last form: a page rendered while a
   * form was being handled may have counted before the form's change, so counting must have started
   * after the form's handler returned.
   */
  private static boolean stillValid(Counted kept, Object acted, Instant now) {
    return !now.isBefore(kept.at())
        && now.isBefore(kept.at().plus(KEPT))
        && !(acted instanceof Instant a && !kept.at().isAfter(a));
  }

  private static HttpSession currentSession() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
        ? r.getRequest().getSession(false)
        : null;
  }

  /**
   * Marks the session at every form the user sends (before its handler, and again after it, before
   * the response — the redirect — is written and the session saved), so that the next page counts
   * again.
   */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            markActed(request);
            return true;
          }

          @Override
          public void postHandle(
              HttpServletRequest request,
              HttpServletResponse response,
              Object handler,
              ModelAndView modelAndView) {
            markActed(request);
          }
        });
  }

  private void markActed(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(ACTED, clock.instant());
    }
  }
}
