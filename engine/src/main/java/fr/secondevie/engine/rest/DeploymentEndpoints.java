package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.DeploymentResource;
import fr.secondevie.engine.processing.DeploymentResult;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.Multipart;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v2/deployments} (multipart: one {@code resources} part per file and an optional
 * {@code tenantId} text part; all resources deployed atomically, with the same rules as the gRPC
 * DeployResource) and the generic resource endpoints.
 */
final class DeploymentEndpoints {

  private DeploymentEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.route(
        "POST",
        "/v2/deployments",
        request -> {
          List<DeploymentResource> resources = new ArrayList<>();
          for (Multipart.Part part : Multipart.parse(request.contentType(), request.body())) {
            if ("tenantId".equals(part.name())) {
              Requests.checkTenant(part.text(), "tenantId");
            } else if ("resources".equals(part.name())) {
              if (part.filename() == null || part.filename().isBlank()) {
                throw ApiException.badRequest(
                    "Expected every 'resources' part to have a file name, but one has none");
              }
              resources.add(new DeploymentResource(part.filename(), part.content()));
            } else {
              throw ApiException.badRequest(
                  "Unknown multipart part '"
                      + part.name()
                      + "'; expected 'resources' or 'tenantId'");
            }
          }
          if (resources.isEmpty()) {
            throw ApiException.badRequest(
                "Expected to deploy at least one resource in 'resources', but none was given");
          }
          return Requests.json(api.commands().deploy(resources), DeploymentEndpoints::deployment);
        });
    router.get(
        "/v2/resources/{resourceKey}",
        request -> Response.json(resource(api, request.pathKey("resourceKey"))));
    router.get(
        "/v2/resources/{resourceKey}/content",
        request -> {
          long key = request.pathKey("resourceKey");
          byte[] content = content(api, key);
          return new Response(200, "application/octet-stream", content);
        });
    router.post(
        "/v2/resources/{resourceKey}/deletion",
        request -> {
          throw ApiException.notImplemented(
              "Deleting resources is not supported by the embedded engine");
        });
  }

  static ObjectNode deployment(DeploymentResult result) {
    ObjectNode response = Json.object();
    response.put("tenantId", Json.TENANT);
    Json.key(response, "deploymentKey", result.key());
    ArrayNode deployments = response.putArray("deployments");
    for (ExecutableProcess process : result.value().processes()) {
      ObjectNode item = deployments.addObject().putObject("processDefinition");
      item.put("processDefinitionId", process.bpmnProcessId());
      item.put("processDefinitionVersion", process.version());
      item.put("resourceName", process.resourceName());
      item.put("tenantId", Json.TENANT);
      Json.key(item, "processDefinitionKey", process.key());
    }
    for (DecisionValue decision : result.value().decisions()) {
      ObjectNode item = deployments.addObject().putObject("decisionDefinition");
      item.put("decisionDefinitionId", decision.decisionId());
      item.put("version", decision.version());
      item.put("name", decision.name());
      item.put("tenantId", Json.TENANT);
      item.put("decisionRequirementsId", decision.decisionRequirementsId());
      Json.key(item, "decisionDefinitionKey", decision.key());
      Json.key(item, "decisionRequirementsKey", decision.decisionRequirementsKey());
    }
    for (DecisionRequirementsValue drg : result.value().decisionRequirements()) {
      ObjectNode item = deployments.addObject().putObject("decisionRequirements");
      item.put("decisionRequirementsId", drg.decisionRequirementsId());
      item.put("version", drg.version());
      item.put("decisionRequirementsName", drg.name());
      item.put("tenantId", Json.TENANT);
      item.put("resourceName", drg.resourceName());
      Json.key(item, "decisionRequirementsKey", drg.key());
    }
    for (FormValue form : result.value().forms()) {
      ObjectNode item = deployments.addObject().putObject("form");
      item.put("formId", form.formId());
      item.put("version", form.version());
      item.put("resourceName", form.resourceName());
      item.put("tenantId", Json.TENANT);
      Json.key(item, "formKey", form.key());
    }
    return response;
  }

  /** A deployed resource (process, decision requirements or form) by its definition key. */
  private static ObjectNode resource(ApiContext api, long key) {
    ObjectNode node = Json.object();
    ExecutableProcess process = api.history().processDefinition(key);
    DecisionRequirementsValue drg = api.history().decisionRequirements(key);
    FormValue form = api.history().form(key);
    if (process != null) {
      node.put("resourceName", process.resourceName());
      node.put("version", process.version());
      node.put("versionTag", process.versionTag());
      node.put("resourceId", process.bpmnProcessId());
    } else if (drg != null) {
      node.put("resourceName", drg.resourceName());
      node.put("version", drg.version());
      node.putNull("versionTag");
      node.put("resourceId", drg.decisionRequirementsId());
    } else if (form != null) {
      node.put("resourceName", form.resourceName());
      node.put("version", form.version());
      node.putNull("versionTag");
      node.put("resourceId", form.formId());
    } else {
      throw Requests.notFound("resource", key);
    }
    node.put("tenantId", Json.TENANT);
    Json.key(node, "resourceKey", key);
    return node;
  }

  private static byte[] content(ApiContext api, long key) {
    ExecutableProcess process = api.history().processDefinition(key);
    if (process != null) {
      return process.resource();
    }
    DecisionRequirementsValue drg = api.history().decisionRequirements(key);
    if (drg != null) {
      return drg.resource();
    }
    FormValue form = api.history().form(key);
    if (form != null) {
      return form.resource();
    }
    throw Requests.notFound("resource", key);
  }
}
