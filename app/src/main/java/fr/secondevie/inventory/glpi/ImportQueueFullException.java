package fr.secondevie.inventory.glpi;

/**
 * An import refused because too many are already waiting or running: nothing was recorded.
 *
 * @param perUser true when the user's own quota is reached (the others may still import)
 */
public class ImportQueueFullException extends RuntimeException {

  private final boolean perUser;
  private final int limit;

  public ImportQueueFullException(boolean perUser, int limit, String message) {
    super(message);
    this.perUser = perUser;
    this.limit = limit;
  }

  public boolean perUser() {
    return perUser;
  }

  public int limit() {
    return limit;
  }
}
