package fr.secondevie.tasks;

import fr.secondevie.inventory.AssetSummary;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of the task list.
 *
 * @param tasks the tasks of the page, in the order asked (most urgent first by default)
 * @param total how many tasks match the filters
 * @param processes the processes (id and name) of the user's tasks, for the filter
 * @param taskNames the names of the user's tasks, for the filter
 * @param sites the sites of the assets of the user's tasks, for the filter
 * @param campaigns the renewal campaigns of the user's tasks (id and name), for the filter
 * @param truncated the runtime holds more of the user's tasks than the inbox read
 * @param waiting process steps of the user's roles that wait for work done on another page (a wipe
 *     report to drop, a reconditioning to record, an open lot to close), oldest first
 */
public record Inbox(
    List<Row> tasks,
    int total,
    int page,
    int pages,
    List<Choice> processes,
    List<String> taskNames,
    List<String> sites,
    List<Choice> campaigns,
    boolean truncated,
    List<WaitingRow> waiting) {

  /**
   * A task and what the list says about it.
   *
   * @param subject what the task is about (the asset or the lot of its process), or null
   * @param asset the asset of the task's process (site, place, service), or null
   */
  public record Row(
      TaskInfo task, boolean overdue, boolean mine, Subject subject, AssetSummary asset) {

    /** Whether the priority says something: Camunda's default 50 does not. */
    public boolean meaningfulPriority() {
      return task.priority() != null && task.priority() != TaskInbox.DEFAULT_PRIORITY;
    }
  }

  /** What a task or a waiting step is about: its label and the page that shows it. */
  public record Subject(String label, String href) {}

  /**
   * A process step waiting for work done on another page.
   *
   * @param title what waits
   * @param action the label of the link to the page where the work is done
   */
  public record WaitingRow(
      String title, Subject subject, OffsetDateTime since, String action, String actionHref) {}

  /** A choice of a filter. */
  public record Choice(String value, String label) {}

  /** Whether a task of the page has a priority someone set (else the column is noise). */
  public boolean anyPriority() {
    return tasks.stream().anyMatch(Row::meaningfulPriority);
  }

  /** Whether a task of the page has a due date (else the column is noise). */
  public boolean anyDueDate() {
    return tasks.stream().anyMatch(r -> r.task().dueDate() != null);
  }

  /** Whether a task of the page can be taken (unassigned). */
  public boolean anyToTake() {
    return tasks.stream().anyMatch(r -> !r.task().isAssigned());
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pages;
  }
}
