package fr.secondevie.tasks;

import fr.secondevie.common.CompletedBy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The inbox's rules over the runtime: which open tasks a user may work, claiming and releasing
 * them. A task is offered to a user when one of its candidate groups is one of the user's roles,
 * when the user is a candidate user, or when it is assigned to the user.
 *
 * <p>The commands on one task are here; the searches are {@link TaskSearches}, what the processes
 * are about {@link TaskSubjects}, the inbox page's view {@link InboxListing} and its waiting steps
 * {@link WaitingSteps}.
 */
@Service
public class TaskInbox {

  /** Camunda's default priority: a task nobody prioritised. */
  static final int DEFAULT_PRIORITY = 50;

  private final TaskRuntime runtime;
  private final TaskSearches searches;
  private final TaskSubjects subjects;
  private final InboxListing listing;
  private final Clock clock;

  TaskInbox(
      TaskRuntime runtime,
      TaskSearches searches,
      TaskSubjects subjects,
      InboxListing listing,
      Clock clock) {
    this.runtime = runtime;
    this.searches = searches;
    this.subjects = subjects;
    this.listing = listing;
    this.clock = clock;
  }

  /** The open tasks the user may work, filtered, in the order asked (most urgent first). */
  public Inbox list(Viewer viewer, InboxFilter filter) {
    return listing.list(viewer, filter);
  }

  /** How many open tasks the user may work (the menu's counter). */
  public int count(Viewer viewer) {
    return searches.offered(viewer, null).tasks().size();
  }

  /** What the task is about, for a message naming it (its asset or lot), or null. */
  public Inbox.Subject subjectOf(TaskInfo task) {
    return subjects.subjectOf(task);
  }

  /** Whether the task is past its due date. */
  public boolean overdue(TaskInfo task) {
    return overdue(task, clock);
  }

  static boolean overdue(TaskInfo task, Clock clock) {
    return task.dueDate() != null && task.dueDate().toInstant().isBefore(clock.instant());
  }

  /**
   * The task, if the user may work it.
   *
   * @throws AccessDeniedException when the user is not a candidate (HTTP 403)
   * @throws TaskRuntimeException when the runtime does not know it
   */
  public TaskInfo workable(Viewer viewer, long key) {
    TaskInfo task = runtime.get(key);
    if (!viewer.mayWork(task)) {
      throw new AccessDeniedException(
          "La tâche " + key + " n'est pas proposée à " + viewer.login());
    }
    return task;
  }

  /**
   * Assigns the task to the user.
   *
   * @throws InboxRefusal when the task is closed or assigned to someone else
   */
  public TaskInfo claim(Viewer viewer, long key) {
    TaskInfo task = workable(viewer, key);
    requireOpen(task);
    if (task.isAssignedTo(viewer.login())) {
      return task;
    }
    if (task.isAssigned()) {
      throw new InboxRefusal(
          "Cette tâche est déjà assignée à " + task.assignee() + " : demandez-lui de la libérer.");
    }
    runtime.assign(key, viewer.login());
    return task;
  }

  /**
   * Releases the user's task.
   *
   * @throws InboxRefusal when the task is closed or not assigned to the user
   */
  public TaskInfo unclaim(Viewer viewer, long key) {
    TaskInfo task = workable(viewer, key);
    requireOpen(task);
    if (!task.isAssignedTo(viewer.login())) {
      throw new InboxRefusal(
          task.isAssigned()
              ? "Seule la personne à qui la tâche est assignée ("
                  + task.assignee()
                  + ") peut la libérer."
              : "Cette tâche n'est assignée à personne.");
    }
    runtime.unassign(key);
    return task;
  }

  /**
   * Completes the task with the variables and {@code completedBy} (the user, for the custody
   * entries and documents of the task's follow-up: {@link CompletedBy}), assigning it first to the
   * user when nobody has it (so the runtime records who did it).
   *
   * @throws InboxRefusal when the task is closed or assigned to someone else
   */
  public void complete(Viewer viewer, TaskInfo task, Map<String, Object> variables) {
    requireOpen(task);
    requireNotAssignedToAnother(viewer, task);
    if (!task.isAssigned()) {
      runtime.assign(task.key(), viewer.login());
    }
    Map<String, Object> completion = new LinkedHashMap<>(variables);
    completion.put(
        CompletedBy.VARIABLE,
        new CompletedBy(viewer.login(), viewer.displayName(), task.elementId()).asVariable());
    runtime.complete(task.key(), completion);
  }

  /** Refuses work on a task someone else holds. */
  public void requireNotAssignedToAnother(Viewer viewer, TaskInfo task) {
    if (task.isAssigned() && !task.isAssignedTo(viewer.login())) {
      throw new InboxRefusal(
          "Cette tâche est assignée à "
              + task.assignee()
              + " : seule cette personne peut la terminer, ou la libérer pour vous.");
    }
  }

  static void requireOpen(TaskInfo task) {
    if (!task.isOpen()) {
      throw new InboxRefusal(
          Objects.equals(task.state(), "COMPLETED")
              ? "Cette tâche a déjà été terminée."
              : "Cette tâche n'est plus ouverte (état : " + task.state() + ").");
    }
  }

  /** A request the inbox refuses, with the French reason shown to the user. */
  public static class InboxRefusal extends RuntimeException {
    public InboxRefusal(String message) {
      super(message);
    }
  }
}
