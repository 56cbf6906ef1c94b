package fr.secondevie.engine.rest.http;

/**
 * A request that cannot be served, answered as an {@code application/problem+json} document with
 * its status, title and detail.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String title;

  public ApiException(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  /** 400: the request is malformed (the detail names the offending field). */
  public static ApiException badRequest(String detail) {
    return new ApiException(400, "INVALID_ARGUMENT", detail);
  }

  /** 404: the entity does not exist. */
  public static ApiException notFound(String detail) {
    return new ApiException(404, "NOT_FOUND", detail);
  }

  /** 501: a Camunda endpoint the embedded engine does not implement. */
  public static ApiException notImplemented(String detail) {
    return new ApiException(501, "NOT_IMPLEMENTED", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }
}
