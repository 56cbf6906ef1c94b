package fr.secondevie.engine.rest.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.secondevie.engine.processing.Rejection;
import fr.secondevie.engine.security.BasicAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server (the JDK's {@code com.sun.net.httpserver}) dispatching to a {@link
 * Router}. Handlers answer through futures, so a long-polling request waits without holding a
 * processing thread; failures become {@code application/problem+json} documents.
 *
 * <p>Before a handler runs, the {@link HttpPolicy} is applied: a request without the engine's
 * credentials gets 401 with {@code WWW-Authenticate: Basic} (its body is not read), a body over the
 * limit gets 413 (it is never handed to a handler). Both answer a problem document and change
 * nothing.
 */
public final class HttpService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

  private static final String WWW_AUTHENTICATE =
      "Basic realm=\"Seconde Vie engine\", charset=\"UTF-8\"";

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router;
  private final HttpPolicy policy;

  /** An open service on every interface: for tests of the HTTP layer only. */
  public HttpService(String name, int port, Router router) {
    this(name, new InetSocketAddress(port), router, HttpPolicy.open());
  }

  /**
   * Binds {@code address} and serves {@code router} under {@code policy}: credentials are checked
   * before anything else, then the size of the body, then the route.
   */
  public HttpService(String name, InetSocketAddress address, Router router, HttpPolicy policy) {
    this.name = name;
    this.router = router;
    this.policy = policy;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      this.server = HttpServer.create(address, 64);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Expected to bind the " + name + " port on " + address + " but failed", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The bound address: interface and port. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void dispatch(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (policy.authenticator() != null && !policy.openRoutes().contains(method + " " + path)) {
      BasicAuthenticator.Outcome outcome =
          policy
              .authenticator()
              .check(
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  name,
                  exchange.getRemoteAddress());
      if (!outcome.accepted()) {
        exchange.getResponseHeaders().set("WWW-Authenticate", WWW_AUTHENTICATE);
        send(exchange, problem(new ApiException(401, "UNAUTHORIZED", outcome.detail()), path));
        return;
      }
    }
    CompletableFuture<Response> response;
    try {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      boolean multipart =
          contentType != null
              && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
      long limit = multipart ? policy.maxMultipartBody() : policy.maxJsonBody();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
          // read (and drop) up to as much again, so that the client gets to read the answer
          drain(in, limit);
          send(exchange, problem(tooLarge(limit, multipart), path));
          return;
        }
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} {}",
            method,
            exchange.getRequestURI(),
            new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8));
      }
      Router.Match match = router.match(method, path);
      Request request =
          new Request(
              method,
              path,
              match.params(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              body);
      response = match.handler().handle(request);
    } catch (RuntimeException | IOException e) {
      response = CompletableFuture.failedFuture(e);
    }
    // commands complete on the engine's processing thread: write the answer from the HTTP pool
    response.whenCompleteAsync(
        (value, error) -> send(exchange, error == null ? value : problem(error, path)),
        this::answer);
  }

  private static ApiException tooLarge(long limit, boolean multipart) {
    return new ApiException(
        413,
        "PAYLOAD_TOO_LARGE",
        "Expected a "
            + (multipart ? "multipart" : "request")
            + " body of at most "
            + limit
            + " bytes, but it is larger; nothing was done");
  }

  private static void drain(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = max;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  private void answer(Runnable send) {
    try {
      executor.execute(send);
    } catch (RejectedExecutionException e) {
      send.run(); // closing: answer from the completing thread
    }
  }

  private static void send(HttpExchange exchange, Response response) {
    try (exchange) {
      byte[] body = response.body() == null ? new byte[0] : response.body();
      if (response.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
      }
      if (response.status() == 204 || body.length == 0) {
        exchange.sendResponseHeaders(response.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      LOG.debug("Could not answer {} (the client is gone?)", exchange.getRequestURI(), e);
    }
  }

  /** The problem document for a failure, with the request path as {@code instance}. */
  public static Response problem(Throwable error, String path) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    int status;
    String title;
    String detail;
    if (cause instanceof ApiException api) {
      status = api.status();
      title = api.title();
      detail = api.detail();
    } else if (cause instanceof Rejection rejection) {
      title = rejection.type().name();
      detail = rejection.getMessage();
      status =
          switch (rejection.type()) {
            case NOT_FOUND -> 404;
            case INVALID_ARGUMENT -> 400;
            case ALREADY_EXISTS, INVALID_STATE -> 409;
          };
    } else if (cause instanceof TimeoutException) {
      status = 504;
      title = "DEADLINE_EXCEEDED";
      detail = cause.getMessage();
    } else {
      LOG.error("Unexpected failure while serving {}", path, cause);
      status = 500;
      title = "INTERNAL";
      detail = "Unexpected error: " + cause;
    }
    ObjectNode problem = JsonNodeFactory.instance.objectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", path);
    Response json = Response.json(status, problem);
    return new Response(status, Response.PROBLEM_JSON, json.body());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
