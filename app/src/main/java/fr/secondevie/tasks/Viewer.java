package fr.secondevie.tasks;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The user working the inbox: the login (sent as the task's assignee) and the application roles
 * (matched against the tasks' candidate groups).
 */
public record Viewer(String login, Set<String> roles) {

  public static Viewer of(Authentication authentication) {
    Set<String> roles = new TreeSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        roles.add(name.substring("ROLE_".length()));
      }
    }
    return new Viewer(authentication.getName(), Set.copyOf(roles));
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
