package fr.secondevie.tasks;

import fr.secondevie.common.PersonName;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The user working the inbox: the login (sent as the task's assignee), the application roles
 * (matched against the tasks' candidate groups) and the name shown to people (the OIDC {@code name}
 * claim, else {@code preferred_username}; a local account's display name, else the login: {@link
 * PersonName}), which the inbox records as the person who completed a task.
 */
public record Viewer(String login, Set<String> roles, String displayName) {

  public Viewer {
    displayName = displayName == null || displayName.isBlank() ? login : displayName.strip();
  }

  /** A user known by login only (local account): the login is the name shown. */
  public Viewer(String login, Set<String> roles) {
    this(login, roles, null);
  }

  public static Viewer of(Authentication authentication) {
    Set<String> roles = new TreeSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        roles.add(name.substring("ROLE_".length()));
      }
    }
    return new Viewer(authentication.getName(), Set.copyOf(roles), PersonName.of(authentication));
  }

  /**
   * Whether this user may work the task: one of its candidate groups is one of the user's roles,
   * the user is one of its candidate users, or it is assigned to the user.
   */
  public boolean mayWork(TaskInfo task) {
    return task.isAssignedTo(login)
        || task.candidateUsers().contains(login)
        || task.candidateGroups().stream().anyMatch(roles::contains);
  }
}
