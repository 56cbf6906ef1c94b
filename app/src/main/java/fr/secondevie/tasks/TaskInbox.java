package fr.secondevie.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The inbox's rules over the runtime: which open tasks a user may work, claiming and releasing
 * them. A task is offered to a user when one of its candidate groups is one of the user's roles,
 * when the user is a candidate user, or when it is assigned to the user.
 */
@Service
public class TaskInbox {

  /** Tasks read per search (one search per role, one for the user). */
  static final int SEARCH_LIMIT = 1_000;

  static final int PAGE_SIZE = 50;

  private static final Comparator<TaskInfo> URGENCY =
      Comparator.comparing((TaskInfo t) -> t.priority() == null ? 50 : t.priority())
          .reversed()
          .thenComparing(TaskInfo::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TaskInfo::creationDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(TaskInfo::key);

  private final TaskRuntime runtime;
  private final Clock clock;

  TaskInbox(TaskRuntime runtime, Clock clock) {
    this.runtime = runtime;
    this.clock = clock;
  }

  /** The open tasks the user may work, filtered, most urgent first. */
  public Inbox list(Viewer viewer, InboxFilter filter) {
    Map<Long, TaskInfo> found = new LinkedHashMap<>();
    boolean truncated = false;
    List<TaskQuery> queries = new ArrayList<>();
    for (String role : viewer.roles()) {
      queries.add(TaskQuery.offeredTo(role, filter.process(), SEARCH_LIMIT));
    }
    queries.add(TaskQuery.offeredToUser(viewer.login(), filter.process(), SEARCH_LIMIT));
    queries.add(TaskQuery.assignedTo(viewer.login(), filter.process(), SEARCH_LIMIT));
    for (TaskQuery query : queries) {
      TaskSearchResult result = runtime.search(query);
      truncated |= result.total() > result.tasks().size();
      for (TaskInfo task : result.tasks()) {
        if (task.isOpen() && viewer.mayWork(task)) {
          found.putIfAbsent(task.key(), task);
        }
      }
    }
    Map<String, String> processes = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    found
        .values()
        .forEach(
            t -> {
              processes.put(t.processDefinitionId(), t.processTitle());
              names.add(t.title());
            });
    List<TaskInfo> matching =
        found.values().stream()
            .filter(t -> filter.task() == null || filter.task().equals(t.title()))
            .filter(
                t ->
                    filter.assignment() == null
                        || ("mine".equals(filter.assignment()) && t.isAssignedTo(viewer.login()))
                        || ("unassigned".equals(filter.assignment()) && !t.isAssigned()))
            .sorted(URGENCY)
            .toList();
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(filter.page(), pages - 1);
    List<Inbox.Row> rows =
        matching.stream()
            .skip((long) page * PAGE_SIZE)
            .limit(PAGE_SIZE)
            .map(t -> new Inbox.Row(t, overdue(t), t.isAssignedTo(viewer.login())))
            .toList();
    List<Inbox.Choice> processChoices = new ArrayList<>();
    processes.forEach((id, title) -> processChoices.add(new Inbox.Choice(id, title)));
    processChoices.sort(Comparator.comparing(Inbox.Choice::label));
    return new Inbox(
        rows, matching.size(), page, pages, processChoices, List.copyOf(names), truncated);
  }

  /** Whether the task is past its due date. */
  public boolean overdue(TaskInfo task) {
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
   * Completes the task with the variables, assigning it first to the user when nobody has it (so
   * the runtime records who did it).
   *
   * @throws InboxRefusal when the task is closed or assigned to someone else
   */
  public void complete(Viewer viewer, TaskInfo task, Map<String, Object> variables) {
    requireOpen(task);
    requireNotAssignedToAnother(viewer, task);
    if (!task.isAssigned()) {
      runtime.assign(task.key(), viewer.login());
    }
    runtime.complete(task.key(), variables);
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
