package fr.secondevie.engine.gateway;

import fr.secondevie.engine.security.BasicAuthenticator;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Refuses every gRPC call whose {@code authorization} metadata does not carry the engine's
 * credentials ({@code Basic base64(user:password)}, what the Camunda client's basic auth sends):
 * the call is closed with {@code UNAUTHENTICATED} before any message of it is read, so no command
 * runs.
 */
final class BasicAuthInterceptor implements ServerInterceptor {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final BasicAuthenticator authenticator;

  BasicAuthInterceptor(BasicAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    BasicAuthenticator.Outcome outcome =
        authenticator.check(
            headers.get(AUTHORIZATION),
            "gRPC",
            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    if (outcome.accepted()) {
      return next.startCall(call, headers);
    }
    call.close(Status.UNAUTHENTICATED.withDescription(outcome.detail()), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
