package fr.secondevie.common;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A request refused for what it asks, not for how it is written (that is {@link
 * InvalidInputException}): it names something that does not exist, conflicts with the state of what
 * it names, or comes when the application cannot take more. Each feature's exceptions of this kind
 * extend it and say which ({@link Reason}), under what title and with which details; the API
 * answers them all the same way ({@code ApiErrorHandler}), pages show the message.
 */
@NamedInterface("api")
public abstract class RefusedRequestException extends RuntimeException {

  /** Why the request is refused; the API's status follows from it. */
  @NamedInterface("api")
  public enum Reason {
    /** 404: what the request names does not exist. */
    NOT_FOUND,
    /** 409: the state of what it names does not allow it. */
    CONFLICT,
    /** 429 with Retry-After: this user has asked for too much at once; others may go on. */
    TOO_MANY_FROM_USER,
    /** 503 with Retry-After: the application cannot take more for now; nothing was recorded. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final String title;

  protected RefusedRequestException(Reason reason, String title, String message) {
    super(message);
    this.reason = reason;
    this.title = title;
  }

  public Reason reason() {
    return reason;
  }

  /** Short French title of the refusal (the problem's title). */
  public String title() {
    return title;
  }

  /** What a client needs beyond the message (the problem's properties), in a stable order. */
  public Map<String, Object> details() {
    return Map.of();
  }
}
