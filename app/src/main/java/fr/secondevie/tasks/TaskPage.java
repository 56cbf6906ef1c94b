package fr.secondevie.tasks;

import fr.secondevie.tasks.form.FormView;

/**
 * What the task page shows.
 *
 * @param task the task
 * @param asset the asset the process is about, when it has an {@code assetId} variable
 * @param form the rendered form, or null without one
 * @param formNotice why there is no form to fill (no form, external form, unreadable form)
 * @param completable whether the page offers the completion button
 * @param mine assigned to the viewer
 * @param overdue past its due date
 */
public record TaskPage(
    TaskInfo task,
    AssetContext asset,
    FormView form,
    String formNotice,
    boolean completable,
    boolean mine,
    boolean overdue) {

  /** The asset of the process: its id, inventory number (when known) and description. */
  public record AssetContext(long id, String inventoryNumber, String description) {}
}
