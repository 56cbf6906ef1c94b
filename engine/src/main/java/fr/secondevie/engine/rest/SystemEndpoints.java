package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import java.time.Instant;

/** Topology, status and the REST clock ({@code PUT /v2/clock}, {@code POST /v2/clock/reset}). */
final class SystemEndpoints {

  private SystemEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.get("/v2/topology", request -> Response.json(topology(api)));
    router.get("/v2/status", request -> Response.noContent());
    router.put(
        "/v2/clock",
        request -> {
          JsonBody body = request.json();
          long timestamp = body.longValue("timestamp") == null ? -1 : body.longValue("timestamp");
          if (!body.has("timestamp")) {
            throw body.missing("timestamp");
          }
          api.clock().pin(Instant.ofEpochMilli(timestamp));
          return Response.noContent();
        });
    router.post(
        "/v2/clock/reset",
        request -> {
          api.clock().reset();
          return Response.noContent();
        });
  }

  /** One broker with one healthy partition it leads; {@code lastCompletedChangeId} as a string. */
  static ObjectNode topology(ApiContext api) {
    ObjectNode topology = Json.object();
    ObjectNode broker = topology.putArray("brokers").addObject();
    broker.put("nodeId", 0);
    broker.put("host", "localhost");
    broker.put("port", api.port().getAsInt());
    ObjectNode partition = broker.putArray("partitions").addObject();
    partition.put("partitionId", 1);
    partition.put("role", "leader");
    partition.put("health", "healthy");
    broker.put("version", ApiContext.VERSION);
    topology.put("clusterSize", 1);
    topology.put("partitionsCount", 1);
    topology.put("replicationFactor", 1);
    topology.put("gatewayVersion", ApiContext.VERSION);
    topology.put("lastCompletedChangeId", Long.toString(api.lastCompletedChangeId().get()));
    return topology;
  }
}
