package fr.secondevie.tasks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The number of open tasks on <em>Mes tâches</em> in the menu ({@code @taskCounter} in the layout):
 * asked only when a page is rendered, never for the API.
 */
@Component("taskCounter")
public class TaskCounter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCounter.class);

  private final TaskInbox inbox;

  TaskCounter(TaskInbox inbox) {
    this.inbox = inbox;
  }

  /**
   * The open tasks the signed-in user may work, or null for nobody signed in or when the runtime
   * does not answer (the menu then shows no number rather than failing the page).
   */
  public Integer forCurrentUser() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return null;
    }
    try {
      return inbox.count(Viewer.of(user));
    } catch (RuntimeException e) {
      // the menu is on every page: a runtime that does not answer must not fail them
      LOG.debug("Task counter unavailable: {}", e.getMessage());
      return null;
    }
  }
}
