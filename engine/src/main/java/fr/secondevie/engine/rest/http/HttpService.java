package fr.secondevie.engine.rest.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.secondevie.engine.processing.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 */
public final class HttpService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router;

  public HttpService(String name, int port, Router router) {
    this.router = router;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      this.server = HttpServer.create(new InetSocketAddress(port), 64);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Expected to bind the " + name + " port " + port + " but failed", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void dispatch(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    CompletableFuture<Response> response;
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8));
      }
      Router.Match match = router.match(exchange.getRequestMethod(), path);
      Request request =
          new Request(
              exchange.getRequestMethod(),
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
