package fr.secondevie.engine.rest.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Routes by method and path template ({@code /v2/process-instances/{processInstanceKey}}). Literal
 * segments win over parameters, so {@code /jobs/search} is not taken for {@code /jobs/{jobKey}}
 * (and {@code GET /jobs/search} is a 405, not a job key).
 */
public final class Router {

  private final List<Route> routes = new ArrayList<>();

  /** A route: method, template segments and handler. */
  private record Route(String method, String[] segments, int literals, Handler handler) {}

  /** A matched route with its path parameters. */
  public record Match(Handler handler, Map<String, String> params) {}

  public Router route(String method, String template, Handler handler) {
    String[] segments = split(template);
    int literals = 0;
    for (String segment : segments) {
      if (!segment.startsWith("{")) {
        literals++;
      }
    }
    routes.add(new Route(method, segments, literals, handler));
    routes.sort(Comparator.comparingInt(Route::literals).reversed());
    return this;
  }

  public Router get(String template, Handler.SyncHandler handler) {
    return route("GET", template, Handler.sync(handler));
  }

  public Router post(String template, Handler.SyncHandler handler) {
    return route("POST", template, Handler.sync(handler));
  }

  public Router put(String template, Handler.SyncHandler handler) {
    return route("PUT", template, Handler.sync(handler));
  }

  public Router patch(String template, Handler.SyncHandler handler) {
    return route("PATCH", template, Handler.sync(handler));
  }

  public Router delete(String template, Handler.SyncHandler handler) {
    return route("DELETE", template, Handler.sync(handler));
  }

  /** Finds the route; 404 when no template matches the path, 405 when only the method differs. */
  public Match match(String method, String path) {
    String[] segments = split(path);
    TreeSet<String> allowed = new TreeSet<>();
    int mostLiterals = -1;
    for (Route route : routes) {
      if (route.literals() < mostLiterals) {
        break; // a more specific template matched the path: only its methods are allowed
      }
      Map<String, String> params = matchSegments(route.segments(), segments);
      if (params == null) {
        continue;
      }
      mostLiterals = route.literals();
      if (route.method().equals(method)) {
        return new Match(route.handler(), params);
      }
      allowed.add(route.method());
    }
    if (!allowed.isEmpty()) {
      throw new ApiException(
          405,
          "METHOD_NOT_ALLOWED",
          "Expected one of the methods " + allowed + " for '" + path + "', but got " + method);
    }
    throw ApiException.notFound("No endpoint is served at '" + path + "'");
  }

  private static Map<String, String> matchSegments(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String segment = template[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        params.put(segment.substring(1, segment.length() - 1), path[i]);
      } else if (!segment.equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }
}
