package fr.secondevie.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback port that refuses connections until {@link #open()}, then forwards them to a target
 * port: a server that "starts later", for tests of what waits for it.
 */
public final class TcpGate implements AutoCloseable {

  private final int port;
  private final int target;
  private final ExecutorService pipes = Executors.newCachedThreadPool(daemon());
  private volatile ServerSocket server;

  private TcpGate(int port, int target) {
    this.port = port;
    this.target = target;
  }

  /** A closed gate on a free port in front of {@code targetPort}. */
  public static TcpGate closedInFrontOf(int targetPort) throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    return new TcpGate(free, targetPort);
  }

  public int port() {
    return port;
  }

  /** Starts accepting and forwarding. */
  public synchronized void open() throws IOException {
    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    pipes.execute(this::accept);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        pipes.execute(() -> pipe(client, upstream));
        pipes.execute(() -> pipe(upstream, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed: close the other
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "tcp-gate");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
    pipes.shutdownNow();
  }
}
