package fr.secondevie.tasks;

import java.util.List;

/**
 * One page of the task list.
 *
 * @param tasks the tasks of the page, most urgent first
 * @param total how many tasks match the filters
 * @param processes the processes (id and name) of the user's tasks, for the filter
 * @param taskNames the names of the user's tasks, for the filter
 * @param truncated the runtime holds more of the user's tasks than the inbox read
 */
public record Inbox(
    List<Row> tasks,
    int total,
    int page,
    int pages,
    List<Choice> processes,
    List<String> taskNames,
    boolean truncated) {

  /** A task and what the list says about it. */
  public record Row(TaskInfo task, boolean overdue, boolean mine) {}

  /** A choice of a filter. */
  public record Choice(String value, String label) {}

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pages;
  }
}
