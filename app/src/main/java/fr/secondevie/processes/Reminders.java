package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * The reminder job shared by the processes: a non-interrupting timer starts a task of type {@link
 * #JOB_TYPE} whose header {@link #HEADER} tells the worker which reminder to send. The worker sends
 * it (e-mail, inbox notice) and completes without variables.
 */
@NamedInterface("api")
public final class Reminders {

  /** Job type of every reminder task. */
  public static final String JOB_TYPE = "notification.send-reminder";

  /** Task header naming the reminder. */
  public static final String HEADER = "reminder";

  /** The asset waits for collection (asset-end-of-life, every 3 days). */
  public static final String COLLECTION_OVERDUE = "COLLECTION_OVERDUE";

  /** The reconditioning order is still open (asset-end-of-life, every 14 days). */
  public static final String RECONDITIONING_OVERDUE = "RECONDITIONING_OVERDUE";

  /** The adapted company has not picked the lot up (dismantling-lot, every 7 days). */
  public static final String PICKUP_OVERDUE = "PICKUP_OVERDUE";

  /** The recycling certificate or EA attestation is missing (dismantling-lot, every 14 days). */
  public static final String ATTESTATION_OVERDUE = "ATTESTATION_OVERDUE";

  private Reminders() {}
}
