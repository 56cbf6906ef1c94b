package fr.secondevie.tasks;

/**
 * Filters and order of the task list.
 *
 * @param process BPMN process id, or null for all
 * @param task task name, or null for all
 * @param assignment {@code mine} (assigned to me), {@code unassigned}, or null for all
 * @param site the site of the task's asset, or null for all
 * @param campaign the renewal campaign of the task's process, or null for all
 * @param asset part of the inventory number of the task's asset, or null for all
 * @param sort {@code due} (due date), {@code created} (oldest first), {@code site} (site, then
 *     place and inventory number), or null for the most urgent first
 * @param page page number from 0
 */
public record InboxFilter(
    String process,
    String task,
    String assignment,
    String site,
    Long campaign,
    String asset,
    String sort,
    int page) {

  public InboxFilter {
    process = blankToNull(process);
    task = blankToNull(task);
    assignment = blankToNull(assignment);
    site = blankToNull(site);
    asset = blankToNull(asset);
    sort = blankToNull(sort);
    if (sort != null && !sort.equals("due") && !sort.equals("created") && !sort.equals("site")) {
      sort = null;
    }
    page = Math.max(0, page);
  }

  /** By process, task and assignment only, most urgent first. */
  public InboxFilter(String process, String task, String assignment, int page) {
    this(process, task, assignment, null, null, null, null, page);
  }

  /** Every open task of the user, most urgent first. */
  public static InboxFilter all() {
    return new InboxFilter(null, null, null, 0);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
