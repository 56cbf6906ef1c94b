package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.Views.JobView;
import fr.secondevie.engine.processing.ActivatedJob;
import fr.secondevie.engine.processing.JobResult;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Jobs: activation with long polling, completion, failure, BPMN error, update (retries, timeout)
 * and search.
 */
final class JobEndpoints {

  /** Camunda's default long-polling timeout when a request asks for the default (0). */
  private static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  static final List<String> STATES =
      List.of(
          "CANCELED",
          "COMPLETED",
          "CREATED",
          "ERROR_THROWN",
          "FAILED",
          "MIGRATED",
          "RETRIES_UPDATED",
          "TIMED_OUT");

  static final SearchSchema<JobView> SCHEMA =
      SearchSchema.<JobView>of("job", JobView::key)
          .date("deadline", j -> j.value().deadline() > 0 ? j.value().deadline() : -1)
          .string("deniedReason", j -> null)
          .string("elementId", j -> j.value().elementId())
          .key("elementInstanceKey", j -> j.value().elementInstanceKey())
          .date("endTime", JobEndpoints::endTime)
          .string("errorCode", j -> j.value().errorCode())
          .string("errorMessage", j -> j.value().errorMessage())
          .bool("hasFailedWithRetriesLeft", JobEndpoints::hasFailedWithRetriesLeft)
          .bool("isDenied", j -> false)
          .key("jobKey", JobView::key)
          .enumeration(
              "kind",
              List.of("BPMN_ELEMENT", "EXECUTION_LISTENER", "TASK_LISTENER", "AD_HOC_SUB_PROCESS"),
              j -> j.value().kindName())
          .enumeration(
              "listenerEventType",
              List.of(
                  "UNSPECIFIED",
                  "START",
                  "END",
                  "CREATING",
                  "ASSIGNING",
                  "UPDATING",
                  "COMPLETING",
                  "CANCELING"),
              j -> j.value().eventTypeName())
          .string("processDefinitionId", j -> j.value().bpmnProcessId())
          .key("processDefinitionKey", j -> j.value().processDefinitionKey())
          .key("processInstanceKey", j -> j.value().processInstanceKey())
          .integer("retries", j -> j.value().retries())
          .enumeration("state", STATES, JobEndpoints::state)
          .string("tenantId", j -> Json.TENANT)
          .string("type", j -> j.value().type())
          .string("worker", j -> j.value().worker());

  private JobEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.route("POST", "/v2/jobs/activation", request -> activate(api, request.json()));
    router.route(
        "POST",
        "/v2/jobs/{jobKey}/completion",
        request -> {
          JsonBody body = request.json();
          return Requests.noContent(
              api.commands()
                  .completeJob(
                      request.pathKey("jobKey"),
                      body.variables("variables"),
                      jobResult(body.object("result"))));
        });
    router.route(
        "POST",
        "/v2/jobs/{jobKey}/failure",
        request -> {
          JsonBody body = request.json();
          Integer retries = body.integer("retries");
          Long backoff = body.longValue("retryBackOff");
          return Requests.noContent(
              api.commands()
                  .failJob(
                      request.pathKey("jobKey"),
                      retries == null ? 0 : retries,
                      body.string("errorMessage"),
                      backoff == null ? 0 : backoff,
                      body.variables("variables")));
        });
    router.route(
        "POST",
        "/v2/jobs/{jobKey}/error",
        request -> {
          JsonBody body = request.json();
          String errorCode = body.requiredText("errorCode");
          return Requests.noContent(
              api.commands()
                  .throwError(
                      request.pathKey("jobKey"),
                      errorCode,
                      body.string("errorMessage"),
                      body.variables("variables")));
        });
    router.route(
        "PATCH",
        "/v2/jobs/{jobKey}",
        request -> {
          long key = request.pathKey("jobKey");
          JsonBody body = request.json();
          JsonBody changeset = body.object("changeset");
          if (changeset == null) {
            throw body.missing("changeset");
          }
          Integer retries = changeset.integer("retries");
          Long timeout = changeset.longValue("timeout");
          if (retries == null && timeout == null) {
            throw ApiException.badRequest(
                "Expected at least one of 'changeset.retries' or 'changeset.timeout', but none"
                    + " was given");
          }
          CompletableFuture<Void> update =
              retries == null
                  ? CompletableFuture.completedFuture(null)
                  : api.commands().updateJobRetries(key, retries);
          if (timeout != null) {
            update = update.thenCompose(ignored -> api.commands().updateJobTimeout(key, timeout));
          }
          return Requests.noContent(update);
        });
    router.post(
        "/v2/jobs/search",
        request ->
            Response.json(
                SearchQuery.parse(SCHEMA, request.json())
                    .execute(api.history().jobs(), JobEndpoints::job)));
  }

  private static CompletableFuture<Response> activate(ApiContext api, JsonBody body) {
    String type = body.requiredText("type");
    Long timeout = body.longValue("timeout");
    Integer maxJobs = body.integer("maxJobsToActivate");
    if (timeout == null) {
      throw body.missing("timeout");
    }
    if (maxJobs == null) {
      throw body.missing("maxJobsToActivate");
    }
    if (timeout < 1) {
      throw ApiException.badRequest(
          "Expected 'timeout' to be greater than zero, but was " + timeout);
    }
    if (maxJobs < 1) {
      throw ApiException.badRequest(
          "Expected 'maxJobsToActivate' to be greater than zero, but was " + maxJobs);
    }
    Requests.checkTenants(body, "tenantIds");
    List<String> fetch = body.strings("fetchVariable");
    Long requestTimeout = body.longValue("requestTimeout");
    long longPoll =
        requestTimeout == null || requestTimeout == 0
            ? DEFAULT_REQUEST_TIMEOUT_MILLIS
            : requestTimeout;
    String worker = body.string("worker");
    long generation = api.pollGeneration().get();
    return api.commands()
        .activateJobs(
            new ActivatedJob.Request(
                type,
                worker == null ? "" : worker,
                timeout,
                maxJobs,
                fetch == null ? List.of() : fetch),
            longPoll,
            () -> api.pollGeneration().get() == generation)
        .thenApply(
            jobs -> {
              ObjectNode response = Json.object();
              ArrayNode items = response.putArray("jobs");
              jobs.forEach(job -> items.add(activated(job)));
              return Response.json(response);
            });
  }

  static ObjectNode activated(ActivatedJob activated) {
    JobValue job = activated.job();
    ObjectNode node = Json.object();
    node.put("type", job.type());
    node.put("processDefinitionId", job.bpmnProcessId());
    node.put("processDefinitionVersion", job.processDefinitionVersion());
    node.put("elementId", job.elementId());
    node.set("customHeaders", Json.tree(headers(job.customHeaders())));
    node.put("worker", job.worker());
    node.put("retries", job.retries());
    node.put("deadline", job.deadline());
    node.set("variables", Json.tree(activated.variables()));
    node.put("tenantId", Json.TENANT);
    Json.key(node, "jobKey", activated.key());
    Json.key(node, "processInstanceKey", job.processInstanceKey());
    Json.key(node, "processDefinitionKey", job.processDefinitionKey());
    Json.key(node, "elementInstanceKey", job.elementInstanceKey());
    node.put("kind", job.kindName());
    node.put("listenerEventType", job.eventTypeName());
    if (job.userTask() == null) {
      node.putNull("userTask");
    } else {
      node.set("userTask", userTask(job.userTask()));
    }
    node.putArray("tags");
    return node;
  }

  /**
   * The {@code result} of a job completion: {@code type} userTask (the default) with {@code
   * denied}, {@code deniedReason} and {@code corrections}.
   */
  private static JobResult jobResult(JsonBody result) {
    if (result == null) {
      return JobResult.NONE;
    }
    String type = result.string("type");
    if (type != null && !type.equals("userTask")) {
      throw ApiException.badRequest(
          "Expected a job result of type 'userTask' (results of ad-hoc sub-processes are not"
              + " supported by the embedded engine), but it was '"
              + type
              + "'");
    }
    Boolean denied = result.bool("denied");
    JsonBody corrections = result.object("corrections");
    return new JobResult(
        denied != null && denied,
        result.string("deniedReason"),
        corrections == null
            ? null
            : new JobResult.Corrections(
                corrections.string("assignee"),
                corrections.string("dueDate"),
                corrections.string("followUpDate"),
                corrections.strings("candidateUsers"),
                corrections.strings("candidateGroups"),
                corrections.integer("priority")));
  }

  /** The user task a task listener job is about (UserTaskProperties of the REST API). */
  private static ObjectNode userTask(JobValue.ListenerTask listened) {
    UserTaskValue task = listened.task();
    ObjectNode node = Json.object();
    node.put("action", listened.action());
    node.put("assignee", task.assignee());
    Json.strings(node, "candidateGroups", task.candidateGroups());
    Json.strings(node, "candidateUsers", task.candidateUsers());
    Json.strings(node, "changedAttributes", listened.changedAttributes());
    node.put("dueDate", task.dueDate());
    node.put("followUpDate", task.followUpDate());
    if (task.formKey() > 0) {
      Json.key(node, "formKey", task.formKey());
    } else {
      node.putNull("formKey");
    }
    node.put("priority", task.priority());
    Json.key(node, "userTaskKey", listened.userTaskKey());
    return node;
  }

  static ObjectNode job(JobView view) {
    JobValue job = view.value();
    ObjectNode node = Json.object();
    Json.stringMap(node, "customHeaders", headers(job.customHeaders()));
    Json.date(node, "deadline", job.deadline() > 0 ? job.deadline() : -1);
    node.putNull("deniedReason");
    node.put("elementId", job.elementId());
    Json.key(node, "elementInstanceKey", job.elementInstanceKey());
    Json.date(node, "endTime", endTime(view));
    node.put("errorCode", job.errorCode());
    node.put("errorMessage", job.errorMessage());
    node.put("hasFailedWithRetriesLeft", hasFailedWithRetriesLeft(view));
    node.put("isDenied", false);
    Json.key(node, "jobKey", view.key());
    node.put("kind", job.kindName());
    node.put("listenerEventType", job.eventTypeName());
    node.put("processDefinitionId", job.bpmnProcessId());
    Json.key(node, "processDefinitionKey", job.processDefinitionKey());
    Json.key(node, "processInstanceKey", job.processInstanceKey());
    node.put("retries", job.retries());
    node.put("state", state(view));
    node.put("tenantId", Json.TENANT);
    node.put("type", job.type());
    node.put("worker", job.worker());
    return node;
  }

  private static Map<String, String> headers(Map<String, String> headers) {
    return headers == null ? Map.of() : headers;
  }

  /** The job state as Camunda's search reports it (activation keeps a job CREATED). */
  static String state(JobView view) {
    return switch (view.state()) {
      case "COMPLETED", "FAILED", "TIMED_OUT", "ERROR_THROWN", "CANCELED", "RETRIES_UPDATED" ->
          view.state();
      default -> "CREATED";
    };
  }

  private static final Set<String> ENDED = Set.of("COMPLETED", "ERROR_THROWN", "CANCELED");

  private static long endTime(JobView view) {
    return ENDED.contains(view.state()) ? view.lastUpdate() : -1;
  }

  private static boolean hasFailedWithRetriesLeft(JobView view) {
    return view.state().equals("FAILED") && view.value().retries() > 0;
  }
}
