package fr.secondevie.engine.rest.http;

import java.util.concurrent.CompletableFuture;

/** Serves one route; answers later when the engine has processed the command. */
@FunctionalInterface
public interface Handler {

  CompletableFuture<Response> handle(Request request);

  /** A handler that answers at once (queries, or commands it waits for itself). */
  static Handler sync(SyncHandler handler) {
    return request -> CompletableFuture.completedFuture(handler.handle(request));
  }

  /** The synchronous shape of a handler. */
  @FunctionalInterface
  interface SyncHandler {
    Response handle(Request request);
  }
}
