package fr.secondevie.engine.gateway;

import fr.secondevie.engine.processing.Commands;
import fr.secondevie.engine.security.BasicAuthenticator;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** Serves the gateway over plaintext HTTP/2 with grpc-netty, behind the engine's credentials. */
public final class GrpcServer implements AutoCloseable {

  /** 16 MiB, as the REST API's multipart limit: a deployment of many models fits. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

  private final Server server;

  /**
   * Binds {@code address} and serves the gateway.
   *
   * @param authenticator the credentials every call must carry; null serves without them (the
   *     engine's own conformance tests)
   * @param maxMessageSize the largest message accepted, in bytes ({@code RESOURCE_EXHAUSTED} above)
   */
  public GrpcServer(
      InetSocketAddress address,
      Commands commands,
      BasicAuthenticator authenticator,
      int maxMessageSize) {
    int[] boundPort = new int[1];
    ServerServiceDefinition gateway =
        new GatewayService(commands, () -> boundPort[0]).bindService();
    this.server =
        NettyServerBuilder.forAddress(address)
            .addService(
                authenticator == null
                    ? gateway
                    : ServerInterceptors.intercept(
                        gateway, new BasicAuthInterceptor(authenticator)))
            // handlers only parse and hand over to the processing thread: no blocking
            .directExecutor()
            .maxInboundMessageSize(maxMessageSize)
            // clients ping every 45 s by default; allow it rather than answering "too many pings"
            .permitKeepAliveTime(1, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to bind the gRPC port on " + address + " but failed", e);
    }
    boundPort[0] = server.getPort();
  }

  public int port() {
    return server.getPort();
  }

  /** The bound address: interface and port. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getListenSockets().get(0);
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
