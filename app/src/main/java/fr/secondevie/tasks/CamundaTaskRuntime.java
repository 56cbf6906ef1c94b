package fr.secondevie.tasks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@link TaskRuntime} through the Camunda Java client's REST API: the same calls against the
 * embedded engine and against a Camunda 8.8 cluster.
 */
@Component
class CamundaTaskRuntime implements TaskRuntime {

  private static final int VARIABLE_PAGE = 1_000;
  private static final int MAX_VARIABLE_PAGES = 20;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final CamundaClient client;

  CamundaTaskRuntime(CamundaClient client) {
    this.client = client;
  }

  @Override
  public TaskSearchResult search(TaskQuery query) {
    SearchResponse<UserTask> response =
        call(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f -> {
                          f.state(UserTaskState.CREATED);
                          if (query.candidateGroup() != null) {
                            f.candidateGroup(query.candidateGroup());
                          }
                          if (query.candidateUser() != null) {
                            f.candidateUser(query.candidateUser());
                          }
                          if (query.assignee() != null) {
                            f.assignee(query.assignee());
                          }
                          if (query.processDefinitionId() != null) {
                            f.bpmnProcessId(query.processDefinitionId());
                          }
                        })
                    .sort(s -> s.creationDate().asc())
                    .page(p -> p.limit(query.limit()))
                    .send()
                    .join());
    Long total = response.page() == null ? null : response.page().totalItems();
    return new TaskSearchResult(
        response.items().stream().map(CamundaTaskRuntime::info).toList(),
        total == null ? response.items().size() : total);
  }

  @Override
  public TaskInfo get(long key) {
    return info(call(() -> client.newUserTaskGetRequest(key).send().join()));
  }

  @Override
  public Optional<Object> form(long key) {
    Form form = call(() -> client.newUserTaskGetFormRequest(key).send().join());
    return form == null ? Optional.empty() : Optional.ofNullable(form.getSchema());
  }

  @Override
  public Map<String, Object> variables(long key) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Long> scopes = new HashMap<>();
    String cursor = null;
    for (int page = 0; page < MAX_VARIABLE_PAGES; page++) {
      String after = cursor;
      SearchResponse<Variable> response =
          call(
              () ->
                  client
                      .newUserTaskVariableSearchRequest(key)
                      .withFullValues()
                      .page(
                          p -> {
                            p.limit(VARIABLE_PAGE);
                            if (after != null) {
                              p.after(after);
                            }
                          })
                      .send()
                      .join());
      for (Variable variable : response.items()) {
        // a variable of an inner scope (created later, larger key) shadows an outer one
        long scope = variable.getScopeKey() == null ? 0 : variable.getScopeKey();
        Long known = scopes.get(variable.getName());
        if (known == null || scope > known) {
          scopes.put(variable.getName(), scope);
          values.put(variable.getName(), parse(variable));
        }
      }
      cursor = response.page() == null ? null : response.page().endCursor();
      if (response.items().size() < VARIABLE_PAGE || cursor == null) {
        break;
      }
    }
    return values;
  }

  private static Object parse(Variable variable) {
    String json = variable.getValue();
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      return json;
    }
  }

  @Override
  public void assign(long key, String assignee) {
    call(
        () ->
            client
                .newAssignUserTaskCommand(key)
                .assignee(assignee)
                .allowOverride(false)
                .send()
                .join());
  }

  @Override
  public void unassign(long key) {
    call(() -> client.newUnassignUserTaskCommand(key).send().join());
  }

  @Override
  public void complete(long key, Map<String, Object> variables) {
    call(() -> client.newCompleteUserTaskCommand(key).variables(variables).send().join());
  }

  @Override
  public Map<Long, Map<String, Object>> processVariables(
      Collection<Long> processInstanceKeys, Collection<String> names) {
    Map<Long, Map<String, Object>> values = new HashMap<>();
    if (processInstanceKeys.isEmpty() || names.isEmpty()) {
      return values;
    }
    List<Long> keys = List.copyOf(processInstanceKeys);
    List<String> wanted = List.copyOf(names);
    SearchResponse<Variable> response =
        call(
            () ->
                client
                    .newVariableSearchRequest()
                    .filter(f -> f.name(n -> n.in(wanted)).processInstanceKey(k -> k.in(keys)))
                    .page(p -> p.limit(keys.size() * wanted.size()))
                    .send()
                    .join());
    for (Variable variable : response.items()) {
      if (variable.getScopeKey() != null
          && variable.getScopeKey().equals(variable.getProcessInstanceKey())) {
        values
            .computeIfAbsent(variable.getProcessInstanceKey(), k -> new LinkedHashMap<>())
            .put(variable.getName(), parse(variable));
      }
    }
    return values;
  }

  @Override
  public List<Waiting> waitingAt(String processDefinitionId, String elementId, int limit) {
    SearchResponse<ElementInstance> response =
        call(
            () ->
                client
                    .newElementInstanceSearchRequest()
                    .filter(
                        f ->
                            f.processDefinitionId(processDefinitionId)
                                .elementId(elementId)
                                .state(ElementInstanceState.ACTIVE))
                    .sort(s -> s.startDate().asc())
                    .page(p -> p.limit(limit))
                    .send()
                    .join());
    return response.items().stream()
        .map(i -> new Waiting(i.getProcessInstanceKey(), i.getStartDate()))
        .toList();
  }

  private static TaskInfo info(UserTask task) {
    return new TaskInfo(
        task.getUserTaskKey(),
        task.getName(),
        task.getElementId(),
        task.getBpmnProcessId(),
        task.getProcessName(),
        task.getProcessInstanceKey() == null ? 0 : task.getProcessInstanceKey(),
        task.getState() == null ? null : task.getState().name(),
        task.getAssignee(),
        task.getCandidateGroups(),
        task.getCandidateUsers(),
        task.getCreationDate(),
        task.getDueDate(),
        task.getFollowUpDate(),
        task.getPriority(),
        task.getFormKey(),
        task.getExternalFormReference());
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ClientHttpException e) {
      String detail = e.getMessage();
      if (e instanceof ProblemException problem && problem.details() != null) {
        detail = problem.details().getDetail();
      }
      TaskRuntimeException.Kind kind =
          switch (e.code()) {
            case 404 -> TaskRuntimeException.Kind.NOT_FOUND;
            case 409 -> TaskRuntimeException.Kind.CONFLICT;
            case 400 -> TaskRuntimeException.Kind.REJECTED;
            default -> TaskRuntimeException.Kind.UNAVAILABLE;
          };
      throw new TaskRuntimeException(kind, detail, e);
    } catch (RuntimeException e) {
      throw new TaskRuntimeException(TaskRuntimeException.Kind.UNAVAILABLE, e.getMessage(), e);
    }
  }
}
