package fr.secondevie.engine.rest;

import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Checks and answers shared by the endpoints. */
final class Requests {

  private Requests() {}

  /** Multi-tenancy is off: only the default tenant (or none) is accepted. */
  static void checkTenant(String tenantId, String field) {
    if (tenantId != null && !tenantId.isEmpty() && !tenantId.equals(Json.TENANT)) {
      throw ApiException.badRequest(
          "Expected to handle request with tenant identifier '"
              + tenantId
              + "' in '"
              + field
              + "', but multi-tenancy is disabled");
    }
  }

  static void checkTenant(JsonBody body, String name) {
    checkTenant(body.string(name), body.field(name));
  }

  static void checkTenants(JsonBody body, String name) {
    List<String> tenants = body.strings(name);
    if (tenants != null) {
      tenants.forEach(tenant -> checkTenant(tenant, body.field(name)));
    }
  }

  /** 204 once the command completed. */
  static CompletableFuture<Response> noContent(CompletableFuture<?> command) {
    return command.thenApply(ignored -> Response.noContent());
  }

  /** 200 with the mapped result once the command completed. */
  static <T> CompletableFuture<Response> json(
      CompletableFuture<T> command, Function<T, Object> mapper) {
    return command.thenApply(value -> Response.json(mapper.apply(value)));
  }

  static ApiException notFound(String entity, long key) {
    return ApiException.notFound(
        "Expected to find " + entity + " with key '" + key + "', but none was found");
  }
}
