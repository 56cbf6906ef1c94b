package fr.secondevie.engine.gateway;

import fr.secondevie.engine.util.Either;
import fr.secondevie.engine.util.JsonValues;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Request checks and answering shared by the gateway's methods: variables documents, tenants, job
 * activation arguments, and replying from a command's future.
 */
final class GatewayRequests {

  private GatewayRequests() {}

  /** Parses a variables document; answers INVALID_ARGUMENT and returns null when it is not one. */
  static Map<String, Object> variables(String json, StreamObserver<?> observer) {
    Either<Map<String, Object>> parsed = JsonValues.parseObject(json);
    if (!parsed.isOk()) {
      observer.onError(GrpcErrors.invalidArgument(parsed.failure()));
      return null;
    }
    return parsed.value();
  }

  static boolean checkTenant(String tenantId, StreamObserver<?> observer) {
    if (tenantId == null || tenantId.isEmpty() || tenantId.equals(ProtoMapper.TENANT)) {
      return true;
    }
    observer.onError(
        GrpcErrors.invalidArgument(
            "Expected to handle request with tenant identifier '"
                + tenantId
                + "', but multi-tenancy is disabled"));
    return false;
  }

  static boolean checkTenants(List<String> tenantIds, StreamObserver<?> observer) {
    for (String tenantId : tenantIds) {
      if (!checkTenant(tenantId, observer)) {
        return false;
      }
    }
    return true;
  }

  static <T, R> void reply(
      CompletableFuture<T> future, Function<T, R> mapper, StreamObserver<R> observer) {
    future.whenComplete(
        (value, error) -> {
          if (error != null) {
            observer.onError(GrpcErrors.toStatus(error));
            return;
          }
          R response;
          try {
            response = mapper.apply(value);
          } catch (RuntimeException e) {
            observer.onError(GrpcErrors.toStatus(e));
            return;
          }
          observer.onNext(response);
          observer.onCompleted();
        });
  }

  static String checkActivation(String type, long timeout, int maxJobs) {
    if (type == null || type.isBlank()) {
      return "Expected to activate jobs of a non-empty type, but the type was blank";
    }
    if (timeout < 1) {
      return "Expected to activate jobs with a timeout greater than zero, but it was " + timeout;
    }
    if (maxJobs < 1) {
      return "Expected to activate jobs with maxJobsToActivate greater than zero, but it was "
          + maxJobs;
    }
    return null;
  }
}
