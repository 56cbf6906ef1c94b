package fr.secondevie.tasks;

/**
 * Filters of the task list.
 *
 * @param process BPMN process id, or null for all
 * @param task task name, or null for all
 * @param assignment {@code mine} (assigned to me), {@code unassigned}, or null for all
 * @param page page number from 0
 */
public record InboxFilter(String process, String task, String assignment, int page) {

  public InboxFilter {
    process = blankToNull(process);
    task = blankToNull(task);
    assignment = blankToNull(assignment);
    page = Math.max(0, page);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
