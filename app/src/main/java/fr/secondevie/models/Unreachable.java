package fr.secondevie.models;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;

/**
 * Tells a cluster that does not answer (not started, restarting, out of reach: worth waiting for)
 * from a cluster that answers "no" (a refused model, a wrong password: not worth retrying).
 */
final class Unreachable {

  private Unreachable() {}

  static boolean is(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ClientStatusException status) {
        Status.Code code = status.getStatusCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
      }
      if (t instanceof ClientHttpException http && http.code() > 0) {
        return http.code() == 502 || http.code() == 503 || http.code() == 504;
      }
      if (t instanceof SocketException // connection refused, reset, no route
          || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException
          || t instanceof ConnectionClosedException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The innermost message, for the log line. */
  static String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
