package fr.secondevie.inventory.glpi;

import fr.secondevie.common.RefusedRequestException;
import java.util.Map;

/**
 * An import refused because too many are already waiting or running: nothing was recorded.
 *
 * @param perUser true when the user's own quota is reached (the others may still import)
 */
public class ImportQueueFullException extends RefusedRequestException {

  private final boolean perUser;
  private final int limit;

  public ImportQueueFullException(boolean perUser, int limit, String message) {
    super(
        perUser ? Reason.TOO_MANY_FROM_USER : Reason.UNAVAILABLE,
        "Trop d'imports en attente : rien n'a été enregistré",
        message);
    this.perUser = perUser;
    this.limit = limit;
  }

  public boolean perUser() {
    return perUser;
  }

  public int limit() {
    return limit;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("limit", limit);
  }
}
