package fr.secondevie.tasks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of the task list.
 *
 * @param tasks the tasks of the page, most urgent first
 * @param total how many tasks match the filters
 * @param processes the processes (id and name) of the user's tasks, for the filter
 * @param taskNames the names of the user's tasks, for the filter
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
    boolean truncated,
    List<WaitingRow> waiting) {

  /**
   * A task and what the list says about it.
   *
   * @param subject what the task is about (the asset or the lot of its process), or null
   */
  public record Row(TaskInfo task, boolean overdue, boolean mine, Subject subject) {}

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

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pages;
  }
}
