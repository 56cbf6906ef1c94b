package fr.secondevie.engine.management;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.rest.ApiContext;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The management API Camunda Process Test drives (Zeebe's actuator endpoints with {@code
 * zeebe.clock.controlled=true}):
 *
 * <ul>
 *   <li>{@code GET /actuator/clock} → {@code {epochMilli, instant}}; {@code DELETE /actuator/clock}
 *       resets it to the system time;
 *   <li>{@code POST /actuator/clock/add} {@code {offsetMilli}} moves it (timers due fire at once);
 *       {@code POST /actuator/clock/pin} {@code {epochMilli}} freezes it;
 *   <li>{@code POST /actuator/cluster/purge} deletes all runtime data and deployments and answers
 *       {@code {changeId, ...}}; once done, {@code lastCompletedChangeId} of {@code GET
 *       /v2/topology} reaches that id.
 * </ul>
 */
public final class ManagementApi {

  private final ApiContext api;
  private final AtomicLong changeIds = new AtomicLong();

  private ManagementApi(ApiContext api) {
    this.api = api;
  }

  public static Router router(ApiContext api) {
    return new ManagementApi(api).routes();
  }

  private Router routes() {
    Router router = new Router();
    router.get("/actuator/clock", request -> Response.json(clock()));
    router.delete(
        "/actuator/clock",
        request -> {
          api.clock().reset();
          return Response.json(clock());
        });
    router.post(
        "/actuator/clock/add",
        request -> {
          JsonBody body = request.json();
          Long offset = body.longValue("offsetMilli");
          if (offset == null) {
            throw body.missing("offsetMilli");
          }
          api.clock().add(Duration.ofMillis(offset));
          return Response.json(clock());
        });
    router.post(
        "/actuator/clock/pin",
        request -> {
          JsonBody body = request.json();
          Long epochMilli = body.longValue("epochMilli");
          if (epochMilli == null) {
            throw body.missing("epochMilli");
          }
          api.clock().pin(Instant.ofEpochMilli(epochMilli));
          return Response.json(clock());
        });
    router.route("POST", "/actuator/cluster/purge", request -> purge());
    return router;
  }

  private ObjectNode clock() {
    long now = api.clock().millis();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("epochMilli", now);
    node.put("instant", Instant.ofEpochMilli(now).toString());
    return node;
  }

  private CompletableFuture<Response> purge() {
    long changeId = changeIds.incrementAndGet();
    api.pollGeneration().incrementAndGet();
    return api.commands()
        .purge()
        .thenApply(
            ignored -> {
              api.lastCompletedChangeId().accumulateAndGet(changeId, Math::max);
              ObjectNode node = JsonNodeFactory.instance.objectNode();
              node.put("changeId", changeId);
              node.putArray("currentTopology");
              node.putArray("plannedChanges").addObject().put("operation", "PURGE");
              node.putArray("expectedTopology");
              return Response.json(202, node);
            });
  }
}
