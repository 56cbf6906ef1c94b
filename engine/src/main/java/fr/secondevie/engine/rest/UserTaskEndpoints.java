package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.history.Views.UserTaskView;
import fr.secondevie.engine.history.Views.VariableView;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.UserTaskUpdate;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.List;

/**
 * Camunda user tasks: search, get, completion, assignment, unassignment, update, linked form and
 * the variables visible from the task.
 */
final class UserTaskEndpoints {

  static final List<String> STATES =
      List.of(
          "CREATING",
          "CREATED",
          "ASSIGNING",
          "UPDATING",
          "COMPLETING",
          "COMPLETED",
          "CANCELING",
          "CANCELED",
          "FAILED");

  static final SearchSchema<VariableView> VARIABLE_SCHEMA =
      SearchSchema.<VariableView>of("user task variable", VariableView::key)
          .string("value", VariableView::json)
          .sortOnly()
          .string("name", VariableView::name)
          .string("tenantId", v -> Json.TENANT)
          .sortOnly()
          .key("variableKey", VariableView::key)
          .sortOnly()
          .key("scopeKey", VariableView::scopeKey)
          .sortOnly()
          .key("processInstanceKey", VariableView::processInstanceKey)
          .sortOnly();

  private final ApiContext api;
  private final SearchSchema<UserTaskView> schema;

  private UserTaskEndpoints(ApiContext api) {
    this.api = api;
    History history = api.history();
    this.schema =
        SearchSchema.<UserTaskView>of("user task", UserTaskView::key)
            .enumeration("state", STATES, UserTaskView::state)
            .filterOnly()
            .string("assignee", t -> t.value().assignee())
            .filterOnly()
            .integer("priority", t -> t.value().priority())
            .string("elementId", t -> t.value().elementId())
            .filterOnly()
            .string("name", UserTaskEndpoints::name)
            .stringList("candidateGroup", t -> t.value().candidateGroups())
            .stringList("candidateUser", t -> t.value().candidateUsers())
            .string("tenantId", t -> Json.TENANT)
            .filterOnly()
            .string("processDefinitionId", t -> t.value().bpmnProcessId())
            .filterOnly()
            .date("creationDate", UserTaskView::creationDate)
            .date("completionDate", UserTaskView::completionDate)
            .date("followUpDate", t -> Json.epochMillis(t.value().followUpDate()))
            .date("dueDate", t -> Json.epochMillis(t.value().dueDate()))
            .variables(
                "processInstanceVariables",
                t -> Lookups.variablesOfScope(history, t.value().processInstanceKey()))
            .variables(
                "localVariables",
                t -> Lookups.variablesOfScope(history, t.value().elementInstanceKey()))
            .key("userTaskKey", UserTaskView::key)
            .filterOnly()
            .key("processDefinitionKey", t -> t.value().processDefinitionKey())
            .filterOnly()
            .key("processInstanceKey", t -> t.value().processInstanceKey())
            .filterOnly()
            .key("elementInstanceKey", t -> t.value().elementInstanceKey())
            .filterOnly();
  }

  static void register(Router router, ApiContext api) {
    new UserTaskEndpoints(api).routes(router);
  }

  private void routes(Router router) {
    router.post(
        "/v2/user-tasks/search",
        request ->
            Response.json(
                SearchQuery.parse(schema, request.json())
                    .execute(api.history().userTasks(), this::userTask)));
    router.get(
        "/v2/user-tasks/{userTaskKey}",
        request -> Response.json(userTask(task(request.pathKey("userTaskKey")))));
    router.route(
        "POST",
        "/v2/user-tasks/{userTaskKey}/completion",
        request -> {
          JsonBody body = request.json();
          return Requests.noContent(
              api.commands()
                  .completeUserTask(
                      request.pathKey("userTaskKey"),
                      body.variables("variables"),
                      body.string("action")));
        });
    router.route(
        "POST",
        "/v2/user-tasks/{userTaskKey}/assignment",
        request -> {
          JsonBody body = request.json();
          String assignee = body.requiredText("assignee");
          Boolean allowOverride = body.bool("allowOverride");
          String action = body.string("action");
          return Requests.noContent(
              api.commands()
                  .assignUserTask(
                      request.pathKey("userTaskKey"),
                      assignee,
                      allowOverride == null || allowOverride,
                      action));
        });
    router.route(
        "DELETE",
        "/v2/user-tasks/{userTaskKey}/assignee",
        request ->
            Requests.noContent(api.commands().unassignUserTask(request.pathKey("userTaskKey"))));
    router.route(
        "PATCH",
        "/v2/user-tasks/{userTaskKey}",
        request -> {
          JsonBody body = request.json();
          String action = body.string("action");
          JsonBody changeset = body.object("changeset");
          UserTaskUpdate update =
              changeset == null
                  ? new UserTaskUpdate(null, null, null, null, null)
                  : new UserTaskUpdate(
                      changeset.strings("candidateUsers"),
                      changeset.strings("candidateGroups"),
                      changeset.string("dueDate"),
                      changeset.string("followUpDate"),
                      changeset.integer("priority"));
          return Requests.noContent(
              api.commands().updateUserTask(request.pathKey("userTaskKey"), update, action));
        });
    router.get(
        "/v2/user-tasks/{userTaskKey}/form",
        request -> {
          UserTaskView task = task(request.pathKey("userTaskKey"));
          FormValue form =
              task.value().formKey() > 0 ? api.history().form(task.value().formKey()) : null;
          return form == null
              ? Response.noContent()
              : Response.json(DefinitionEndpoints.form(form));
        });
    router.post(
        "/v2/user-tasks/{userTaskKey}/variables/search",
        request -> {
          UserTaskView task = task(request.pathKey("userTaskKey"));
          boolean truncate = VariableEndpoints.truncate(request);
          return Response.json(
              SearchQuery.parse(VARIABLE_SCHEMA, request.json())
                  .execute(
                      Lookups.visibleVariables(api.history(), task.value().elementInstanceKey()),
                      v -> VariableEndpoints.searchItem(v, truncate)));
        });
  }

  private UserTaskView task(long key) {
    UserTaskView task = api.history().userTask(key);
    if (task == null) {
      throw Requests.notFound("user task", key);
    }
    return task;
  }

  private static String name(UserTaskView task) {
    String name = task.value().name();
    return name == null || name.isBlank() ? task.value().elementId() : name;
  }

  private ObjectNode userTask(UserTaskView task) {
    UserTaskValue value = task.value();
    ExecutableProcess process = api.history().processDefinition(value.processDefinitionKey());
    ObjectNode node = Json.object();
    node.put("name", name(task));
    node.put("state", task.state());
    node.put("assignee", value.assignee());
    node.put("elementId", value.elementId());
    Json.strings(node, "candidateGroups", value.candidateGroups());
    Json.strings(node, "candidateUsers", value.candidateUsers());
    node.put("processDefinitionId", value.bpmnProcessId());
    Json.date(node, "creationDate", task.creationDate());
    Json.date(node, "completionDate", task.completionDate());
    node.put("followUpDate", Json.normalizeDate(value.followUpDate()));
    node.put("dueDate", Json.normalizeDate(value.dueDate()));
    node.put("tenantId", Json.TENANT);
    node.put("externalFormReference", value.externalFormReference());
    node.put("processDefinitionVersion", value.processDefinitionVersion());
    Json.stringMap(node, "customHeaders", value.customHeaders());
    node.put("priority", value.priority());
    Json.key(node, "userTaskKey", task.key());
    Json.key(node, "elementInstanceKey", value.elementInstanceKey());
    node.put(
        "processName",
        process == null || process.name() == null ? value.bpmnProcessId() : process.name());
    Json.key(node, "processDefinitionKey", value.processDefinitionKey());
    Json.key(node, "processInstanceKey", value.processInstanceKey());
    Json.key(node, "formKey", value.formKey());
    return node;
  }
}
