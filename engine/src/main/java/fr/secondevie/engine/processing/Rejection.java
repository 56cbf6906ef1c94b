package fr.secondevie.engine.processing;

/**
 * A rejected command. Command futures fail with it; processors return {@link Result#rejected}
 * before writing anything, so a rejection never leaves a partial change.
 */
public final class Rejection extends RuntimeException {

  private final RejectionType type;

  public Rejection(RejectionType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public RejectionType type() {
    return type;
  }
}
