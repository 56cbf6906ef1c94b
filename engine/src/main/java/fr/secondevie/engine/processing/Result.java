package fr.secondevie.engine.processing;

/** The outcome of a command: a response value, or a rejection with its type and message. */
public record Result<T>(T value, Rejection rejection) {

  public static <T> Result<T> ok(T value) {
    return new Result<>(value, null);
  }

  public static <T> Result<T> rejected(RejectionType type, String message) {
    return new Result<>(null, new Rejection(type, message));
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
