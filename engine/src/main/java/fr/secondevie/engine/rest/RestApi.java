package fr.secondevie.engine.rest;

import fr.secondevie.engine.rest.http.Router;

/**
 * The Camunda 8.8 REST API ({@code /v2}) of the embedded engine: every route, on top of the
 * engine's commands and history.
 */
public final class RestApi {

  private RestApi() {}

  public static Router router(ApiContext api) {
    Router router = new Router();
    SystemEndpoints.register(router, api);
    DeploymentEndpoints.register(router, api);
    DefinitionEndpoints.register(router, api);
    ProcessInstanceEndpoints.register(router, api);
    ElementInstanceEndpoints.register(router, api);
    VariableEndpoints.register(router, api);
    JobEndpoints.register(router, api);
    UserTaskEndpoints.register(router, api);
    MessageEndpoints.register(router, api);
    IncidentEndpoints.register(router, api);
    DecisionEndpoints.register(router, api);
    return router;
  }
}
