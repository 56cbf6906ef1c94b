package fr.secondevie.engine.rest.http;

import fr.secondevie.engine.security.BasicAuthenticator;
import java.util.Set;

/**
 * What an {@link HttpService} requires of a request before its handler runs.
 *
 * @param authenticator the credentials every request must carry; null serves without authentication
 *     (the engine's own conformance tests)
 * @param openRoutes {@code "METHOD /path"} served without credentials even with an authenticator
 * @param maxJsonBody the largest body accepted, in bytes, unless it is multipart
 * @param maxMultipartBody the largest {@code multipart/form-data} body (deployments), in bytes
 */
public record HttpPolicy(
    BasicAuthenticator authenticator,
    Set<String> openRoutes,
    long maxJsonBody,
    long maxMultipartBody) {

  /** 4 MiB: far above any JSON request the Camunda client sends. */
  public static final long DEFAULT_MAX_JSON_BODY = 4L * 1024 * 1024;

  /** 16 MiB: room for a deployment of many models and forms. */
  public static final long DEFAULT_MAX_MULTIPART_BODY = 16L * 1024 * 1024;

  public HttpPolicy {
    openRoutes = openRoutes == null ? Set.of() : Set.copyOf(openRoutes);
    if (maxJsonBody <= 0 || maxMultipartBody <= 0) {
      throw new IllegalArgumentException(
          "Expected positive request body limits, but got "
              + maxJsonBody
              + " and "
              + maxMultipartBody);
    }
  }

  /** No authentication, default limits. */
  public static HttpPolicy open() {
    return new HttpPolicy(null, Set.of(), DEFAULT_MAX_JSON_BODY, DEFAULT_MAX_MULTIPART_BODY);
  }
}
