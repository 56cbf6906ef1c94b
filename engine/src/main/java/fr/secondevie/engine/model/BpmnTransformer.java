package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.util.Either;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Turns a BPMN resource into executable processes: parses it with {@code zeebe-bpmn-model}, runs
 * Zeebe's design-time validators, rejects the elements the engine does not run, and parses every
 * expression once. Errors are collected per element so that one deployment reports all of them.
 */
public final class BpmnTransformer {

  /** Job type of user tasks without {@code zeebe:userTask} (the deprecated job-based variant). */
  public static final String JOB_BASED_USER_TASK_TYPE = "io.camunda.zeebe:userTask";

  private final ExpressionLanguage expressions;

  public BpmnTransformer(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  /**
   * Returns the executable processes of the resource, or the errors as lines such as {@code "-
   * Element: task\n - ERROR: ..."}.
   */
  public Either<List<ExecutableProcess>> transform(byte[] resource) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      return Either.fail("- ERROR: Expected a BPMN 2.0 XML document but " + rootCause(e));
    }
    Errors errors = new Errors();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) -> {
              for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                  errors.add(element, result.getMessage());
                }
              }
            });
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        processes.add(new ProcessBuilder(process, errors).build());
      }
    }
    if (processes.isEmpty()) {
      errors.add(null, "Expected at least one executable process but found none");
    }
    return errors.isEmpty() ? Either.ok(processes) : Either.fail(errors.toString());
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return "it could not be parsed: " + cause.getMessage();
  }

  /** Error lines grouped by element id, formatted like Zeebe's deployment rejections. */
  private static final class Errors {
    private final Map<String, List<String>> byElement = new LinkedHashMap<>();

    void add(ModelElementInstance element, String message) {
      String id = element instanceof BaseElement base ? base.getId() : null;
      String label =
          id != null ? id : element != null ? element.getElementType().getTypeName() : "";
      byElement.computeIfAbsent(label, k -> new ArrayList<>()).add(message);
    }

    boolean isEmpty() {
      return byElement.isEmpty();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      byElement.forEach(
          (id, messages) -> {
            text.append("- Element: ").append(id).append('\n');
            messages.forEach(m -> text.append("    - ERROR: ").append(m).append('\n'));
          });
      return text.toString();
    }
  }

  /** Builds one process; the element and flow maps are shared by all its sub-processes. */
  private final class ProcessBuilder {
    private final Process process;
    private final Errors errors;
    private final Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    private final Map<String, ExecutableFlow> flows = new LinkedHashMap<>();
    private final List<Runnable> links = new ArrayList<>();

    ProcessBuilder(Process process, Errors errors) {
      this.process = process;
      this.errors = errors;
    }

    ExecutableProcess build() {
      ExecutableElement root =
          new ExecutableElement(
              process.getId(), process.getName(), ElementType.PROCESS, EventKind.NONE, null);
      elements.put(root.id(), root);
      addChildren(process.getFlowElements(), root);
      links.forEach(Runnable::run);
      ZeebeVersionTag versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
      ExecutableProcess executable =
          new ExecutableProcess(
              process.getId(),
              process.getName(),
              versionTag != null ? versionTag.getValue() : null,
              root,
              elements,
              flows);
      elements.values().forEach(e -> e.process(executable));
      return executable;
    }

    private void addChildren(Collection<FlowElement> children, ExecutableElement scope) {
      for (FlowElement child : children) {
        if (child instanceof FlowNode node) {
          ExecutableElement element = addNode(node, scope);
          if (element != null) {
            elements.put(element.id(), element);
            if (element.type() == ElementType.START_EVENT) {
              scope.startEvents().add(element);
            }
          }
        }
      }
      for (FlowElement child : children) {
        if (child instanceof SequenceFlow flow) {
          addFlow(flow);
        }
      }
    }

    private void addFlow(SequenceFlow flow) {
      Expression condition = null;
      if (flow.getConditionExpression() != null) {
        condition = feel(flow, flow.getConditionExpression().getTextContent());
      }
      ExecutableFlow executable = new ExecutableFlow(flow.getId(), condition);
      flows.put(flow.getId(), executable);
      links.add(
          () -> {
            ExecutableElement source = elements.get(flow.getSource().getId());
            ExecutableElement target = elements.get(flow.getTarget().getId());
            if (source != null && target != null) {
              executable.connect(source, target);
              source.outgoing().add(executable);
              target.incoming().add(executable);
            }
          });
    }

    private ExecutableElement addNode(FlowNode node, ExecutableElement scope) {
      if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
        return unsupported(node, "multi-instance " + typeName(node));
      }
      if (node.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
        return unsupported(node, "execution listeners on " + typeName(node));
      }
      if (node instanceof SubProcess sub) {
        if (sub.triggeredByEvent()) {
          return unsupported(node, "event sub-process");
        }
        if (!sub.getElementType().getTypeName().equals("subProcess")) {
          return unsupported(node, typeName(node));
        }
        ExecutableElement element = element(node, ElementType.SUB_PROCESS, EventKind.NONE, scope);
        mappings(node, element);
        addChildren(sub.getFlowElements(), element);
        return element;
      }
      if (node instanceof CallActivity) {
        return unsupported(node, "call activity");
      }
      if (node instanceof Event event) {
        return addEvent(event, scope);
      }
      if (node instanceof ExclusiveGateway gateway) {
        ExecutableElement element =
            element(node, ElementType.EXCLUSIVE_GATEWAY, EventKind.NONE, scope);
        if (gateway.getDefault() != null) {
          String defaultId = gateway.getDefault().getId();
          links.add(() -> element.defaultFlow(flows.get(defaultId)));
        }
        return element;
      }
      if (node instanceof ParallelGateway) {
        return element(node, ElementType.PARALLEL_GATEWAY, EventKind.NONE, scope);
      }
      if (node instanceof Task task) {
        return addTask(task, scope);
      }
      return unsupported(node, typeName(node));
    }

    private ExecutableElement addTask(Task task, ExecutableElement scope) {
      if (task.getSingleExtensionElement(ZeebeTaskListeners.class) != null) {
        return unsupported(task, "task listeners on " + typeName(task));
      }
      ExecutableElement element;
      if (task instanceof ServiceTask) {
        element = element(task, ElementType.SERVICE_TASK, EventKind.NONE, scope);
        job(task, element);
      } else if (task instanceof SendTask) {
        element = element(task, ElementType.SEND_TASK, EventKind.NONE, scope);
        job(task, element);
      } else if (task instanceof ReceiveTask receive) {
        element = element(task, ElementType.RECEIVE_TASK, EventKind.MESSAGE, scope);
        message(task, receive.getMessage(), element);
      } else if (task instanceof UserTask) {
        element = element(task, ElementType.USER_TASK, EventKind.NONE, scope);
        userTask(task, element);
      } else if (task instanceof BusinessRuleTask) {
        element = element(task, ElementType.BUSINESS_RULE_TASK, EventKind.NONE, scope);
        ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
        if (decision != null) {
          element.calledDecision(
              expression(task, decision.getDecisionId()), decision.getResultVariable());
        } else {
          job(task, element);
        }
      } else if (task instanceof ScriptTask) {
        element = element(task, ElementType.SCRIPT_TASK, EventKind.NONE, scope);
        ZeebeScript script = task.getSingleExtensionElement(ZeebeScript.class);
        if (script != null) {
          element.script(feel(task, script.getExpression()), script.getResultVariable());
        } else {
          job(task, element);
        }
      } else if (task instanceof ManualTask) {
        element = element(task, ElementType.MANUAL_TASK, EventKind.NONE, scope);
      } else if (task.getElementType().getTypeName().equals("task")) {
        element = element(task, ElementType.TASK, EventKind.NONE, scope);
      } else {
        return unsupported(task, typeName(task));
      }
      mappings(task, element);
      return element;
    }

    private ExecutableElement addEvent(Event event, ExecutableElement scope) {
      Collection<EventDefinition> definitions = eventDefinitions(event);
      if (definitions.size() > 1) {
        return unsupported(event, "multiple " + typeName(event));
      }
      EventDefinition definition = definitions.isEmpty() ? null : definitions.iterator().next();
      EventKind kind = kindOf(definition);
      if (kind == null) {
        return unsupported(
            event, definition.getElementType().getTypeName() + " on " + typeName(event));
      }
      ElementType type;
      if (event instanceof StartEvent) {
        type = ElementType.START_EVENT;
        boolean processLevel = scope.type() == ElementType.PROCESS;
        if (!(kind == EventKind.NONE
            || (processLevel && (kind == EventKind.MESSAGE || kind == EventKind.TIMER)))) {
          return unsupported(event, kindName(kind) + " start event in " + typeName(event));
        }
      } else if (event instanceof EndEvent) {
        type = ElementType.END_EVENT;
        if (kind == EventKind.TIMER) {
          return unsupported(event, "timer end event");
        }
      } else if (event instanceof IntermediateCatchEvent) {
        type = ElementType.INTERMEDIATE_CATCH_EVENT;
        if (kind != EventKind.MESSAGE && kind != EventKind.TIMER) {
          return unsupported(event, kindName(kind) + " intermediate catch event");
        }
      } else if (event instanceof IntermediateThrowEvent) {
        type = ElementType.INTERMEDIATE_THROW_EVENT;
        if (kind != EventKind.NONE && kind != EventKind.MESSAGE) {
          return unsupported(event, kindName(kind) + " intermediate throw event");
        }
      } else if (event instanceof BoundaryEvent) {
        type = ElementType.BOUNDARY_EVENT;
        if (kind != EventKind.MESSAGE && kind != EventKind.TIMER && kind != EventKind.ERROR) {
          return unsupported(event, kindName(kind) + " boundary event");
        }
      } else {
        return unsupported(event, typeName(event));
      }
      ExecutableElement element = element(event, type, kind, scope);
      mappings(event, element);
      switch (kind) {
        case MESSAGE -> {
          Message message = ((MessageEventDefinition) definition).getMessage();
          if (type == ElementType.END_EVENT || type == ElementType.INTERMEDIATE_THROW_EVENT) {
            job(event, element);
          } else {
            message(event, message, element);
          }
        }
        case TIMER -> element.timer(timer(event, (TimerEventDefinition) definition));
        case ERROR -> {
          var error = ((ErrorEventDefinition) definition).getError();
          String code = error != null ? error.getErrorCode() : null;
          if (type == ElementType.END_EVENT) {
            element.thrownErrorCode(code == null ? null : expression(event, code));
          } else {
            element.errorCode(code == null || code.isBlank() ? null : code);
          }
        }
        default -> {}
      }
      if (event instanceof BoundaryEvent boundary) {
        String activityId = boundary.getAttachedTo().getId();
        boolean interrupting = boundary.cancelActivity();
        links.add(
            () -> {
              ExecutableElement activity = elements.get(activityId);
              if (activity != null) {
                element.attachTo(activity, interrupting);
              }
            });
      }
      return element;
    }

    private Collection<EventDefinition> eventDefinitions(Event event) {
      if (event instanceof StartEvent e) {
        return e.getEventDefinitions();
      } else if (event instanceof EndEvent e) {
        return e.getEventDefinitions();
      } else if (event instanceof IntermediateCatchEvent e) {
        return e.getEventDefinitions();
      } else if (event instanceof IntermediateThrowEvent e) {
        return e.getEventDefinitions();
      } else if (event instanceof BoundaryEvent e) {
        return e.getEventDefinitions();
      }
      return List.of();
    }

    private EventKind kindOf(EventDefinition definition) {
      if (definition == null) {
        return EventKind.NONE;
      } else if (definition instanceof MessageEventDefinition) {
        return EventKind.MESSAGE;
      } else if (definition instanceof TimerEventDefinition) {
        return EventKind.TIMER;
      } else if (definition instanceof ErrorEventDefinition) {
        return EventKind.ERROR;
      } else if (definition instanceof TerminateEventDefinition) {
        return EventKind.TERMINATE;
      }
      return null;
    }

    private TimerDefinition timer(Event event, TimerEventDefinition definition) {
      if (definition.getTimeDate() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.DATE,
            expression(event, definition.getTimeDate().getTextContent()));
      } else if (definition.getTimeDuration() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.DURATION,
            expression(event, definition.getTimeDuration().getTextContent()));
      } else if (definition.getTimeCycle() != null) {
        String cycle = definition.getTimeCycle().getTextContent();
        if (!cycle.strip().startsWith("=") && !cycle.strip().startsWith("R")) {
          errors.add(
              event,
              "Expected a time cycle as an ISO 8601 repeating interval (R3/PT10M) but found '"
                  + cycle
                  + "' (cron expressions are not supported by the embedded engine)");
        }
        return new TimerDefinition(TimerDefinition.Kind.CYCLE, expression(event, cycle));
      }
      errors.add(
          event, "Expected a timer definition with a date, duration or cycle but found none");
      return null;
    }

    private void message(FlowNode node, Message message, ExecutableElement element) {
      if (message == null || message.getName() == null) {
        errors.add(node, "Expected a message with a name but found none");
        return;
      }
      ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
      Expression correlationKey =
          subscription != null && subscription.getCorrelationKey() != null
              ? expression(node, subscription.getCorrelationKey())
              : null;
      element.message(expression(node, message.getName()), correlationKey);
    }

    private void job(BaseElement node, ExecutableElement element) {
      ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (definition == null || definition.getType() == null) {
        errors.add(node, "Expected a zeebe:taskDefinition with a type but found none");
        return;
      }
      String retries = definition.getRetries();
      element.job(
          new JobDefinition(
              expression(node, definition.getType()),
              expression(node, retries == null || retries.isBlank() ? "3" : retries),
              headers(node)));
    }

    private void userTask(Task task, ExecutableElement element) {
      ZeebeAssignmentDefinition assignment =
          task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
      ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
      ZeebePriorityDefinition priority =
          task.getSingleExtensionElement(ZeebePriorityDefinition.class);
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      if (task.getSingleExtensionElement(ZeebeUserTask.class) == null) {
        // the deprecated job-based user task: a job whose headers carry the assignment
        Map<String, String> headers = new LinkedHashMap<>(headers(task));
        if (assignment != null && assignment.getAssignee() != null) {
          headers.put("io.camunda.zeebe:assignee", assignment.getAssignee());
        }
        if (form != null && form.getFormKey() != null) {
          headers.put("io.camunda.zeebe:formKey", form.getFormKey());
        }
        element.job(
            new JobDefinition(
                Expression.ofStatic(JOB_BASED_USER_TASK_TYPE),
                Expression.ofStatic("1"),
                Map.copyOf(headers)));
        return;
      }
      element.userTask(
          new UserTaskDefinition(
              assignment == null ? null : optional(task, assignment.getAssignee()),
              assignment == null ? null : optional(task, assignment.getCandidateUsers()),
              assignment == null ? null : optional(task, assignment.getCandidateGroups()),
              schedule == null ? null : optional(task, schedule.getDueDate()),
              schedule == null ? null : optional(task, schedule.getFollowUpDate()),
              priority == null ? null : optional(task, priority.getPriority()),
              form == null ? null : form.getFormId(),
              form == null ? null : form.getExternalReference(),
              headers(task)));
    }

    private Map<String, String> headers(BaseElement node) {
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers == null) {
        return Map.of();
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (ZeebeHeader header : headers.getHeaders()) {
        values.put(header.getKey(), header.getValue());
      }
      return java.util.Collections.unmodifiableMap(values);
    }

    private void mappings(BaseElement node, ExecutableElement element) {
      ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io == null) {
        return;
      }
      element.mappings(mappingList(node, io.getInputs()), mappingList(node, io.getOutputs()));
    }

    private List<Mapping> mappingList(BaseElement node, Collection<? extends ZeebeMapping> list) {
      List<Mapping> mappings = new ArrayList<>();
      for (ZeebeMapping mapping : list) {
        String source = mapping.getSource();
        Expression expression =
            source == null || source.isBlank() ? feel(node, "=null") : feel(node, source);
        mappings.add(new Mapping(expression, Arrays.asList(mapping.getTarget().split("\\."))));
      }
      return mappings;
    }

    private Expression optional(BaseElement node, String raw) {
      return raw == null || raw.isBlank() ? null : expression(node, raw);
    }

    private Expression expression(BaseElement node, String raw) {
      Either<Expression> parsed = expressions.parse(raw == null ? "" : raw);
      if (!parsed.isOk()) {
        errors.add(node, parsed.failure());
        return Expression.ofStatic(raw);
      }
      return parsed.value();
    }

    private Expression feel(BaseElement node, String raw) {
      Either<Expression> parsed = expressions.parseFeel(raw);
      if (!parsed.isOk()) {
        errors.add(node, parsed.failure());
        return Expression.ofStatic(raw);
      }
      return parsed.value();
    }

    private ExecutableElement element(
        FlowNode node, ElementType type, EventKind kind, ExecutableElement scope) {
      return new ExecutableElement(node.getId(), node.getName(), type, kind, scope);
    }

    private ExecutableElement unsupported(FlowNode node, String what) {
      errors.add(
          node,
          "Expected an element supported by the embedded engine but found unsupported "
              + what
              + " '"
              + node.getId()
              + "'");
      return null;
    }

    private String typeName(ModelElementInstance node) {
      return node.getElementType().getTypeName();
    }

    private String kindName(EventKind kind) {
      return kind.name().toLowerCase();
    }
  }
}
