package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.Views.VariableView;
import fr.secondevie.engine.rest.http.Request;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;

/**
 * Variables: search (values as JSON text, truncated beyond {@link #TRUNCATION_THRESHOLD} characters
 * unless {@code ?truncateValues=false}) and get (always the full value).
 */
final class VariableEndpoints {

  /**
   * Values longer than this many characters of JSON text are cut in search results and flagged
   * {@code isTruncated} (Camunda's default variable size threshold); {@code GET
   * /v2/variables/{key}} returns the full value.
   */
  static final int TRUNCATION_THRESHOLD = 8191;

  static final SearchSchema<VariableView> SCHEMA =
      SearchSchema.<VariableView>of("variable", VariableView::key)
          .string("value", VariableView::json)
          .string("name", VariableView::name)
          .string("tenantId", v -> Json.TENANT)
          .bool("isTruncated", v -> v.json().length() > TRUNCATION_THRESHOLD)
          .filterOnly()
          .key("variableKey", VariableView::key)
          .key("scopeKey", VariableView::scopeKey)
          .key("processInstanceKey", VariableView::processInstanceKey);

  private VariableEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.post(
        "/v2/variables/search",
        request -> {
          boolean truncate = truncate(request);
          return Response.json(
              SearchQuery.parse(SCHEMA, request.json())
                  .execute(SearchSources.variables(api.history()), v -> searchItem(v, truncate)));
        });
    router.get(
        "/v2/variables/{variableKey}",
        request -> {
          long key = request.pathKey("variableKey");
          VariableView variable = api.history().variable(key);
          if (variable == null) {
            throw Requests.notFound("variable", key);
          }
          ObjectNode node = base(variable);
          node.put("value", variable.json());
          return Response.json(node);
        });
  }

  static boolean truncate(Request request) {
    return !"false".equalsIgnoreCase(request.query("truncateValues"));
  }

  static ObjectNode searchItem(VariableView variable, boolean truncate) {
    ObjectNode node = base(variable);
    String json = variable.json();
    boolean truncated = truncate && json.length() > TRUNCATION_THRESHOLD;
    node.put("value", truncated ? json.substring(0, TRUNCATION_THRESHOLD) : json);
    node.put("isTruncated", truncated);
    return node;
  }

  private static ObjectNode base(VariableView variable) {
    ObjectNode node = Json.object();
    node.put("name", variable.name());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "variableKey", variable.key());
    Json.key(node, "scopeKey", variable.scopeKey());
    Json.key(node, "processInstanceKey", variable.processInstanceKey());
    return node;
  }
}
