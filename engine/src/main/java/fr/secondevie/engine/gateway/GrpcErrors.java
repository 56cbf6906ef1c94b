package fr.secondevie.engine.gateway;

import fr.secondevie.engine.processing.Rejection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Maps rejections and failures to gRPC statuses. */
final class GrpcErrors {

  private GrpcErrors() {}

  static StatusRuntimeException invalidArgument(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }

  static StatusRuntimeException toStatus(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof StatusRuntimeException status) {
      return status;
    }
    if (cause instanceof Rejection rejection) {
      Status status =
          switch (rejection.type()) {
            case NOT_FOUND -> Status.NOT_FOUND;
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
            case INVALID_STATE -> Status.FAILED_PRECONDITION;
          };
      return status.withDescription(rejection.getMessage()).asRuntimeException();
    }
    if (cause instanceof TimeoutException) {
      return Status.DEADLINE_EXCEEDED.withDescription(cause.getMessage()).asRuntimeException();
    }
    return Status.INTERNAL
        .withDescription("Unexpected error: " + cause)
        .withCause(cause)
        .asRuntimeException();
  }
}
