package fr.secondevie.engine.gateway;

import fr.secondevie.engine.processing.Commands;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** Serves the gateway over plaintext HTTP/2 with grpc-netty. */
public final class GrpcServer implements AutoCloseable {

  private static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

  private final Server server;

  public GrpcServer(int port, Commands commands) {
    int[] boundPort = new int[1];
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress(port))
            .addService(new GatewayService(commands, () -> boundPort[0]))
            // handlers only parse and hand over to the processing thread: no blocking
            .directExecutor()
            .maxInboundMessageSize(MAX_MESSAGE_SIZE)
            // clients ping every 45 s by default; allow it rather than answering "too many pings"
            .permitKeepAliveTime(1, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to bind the gRPC port " + port + " but failed", e);
    }
    boundPort[0] = server.getPort();
  }

  public int port() {
    return server.getPort();
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
