package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.util.CronCycle;
import fr.secondevie.engine.util.Either;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code zeebe:*} extension elements and event definitions of a BPMN element into the
 * executable model, parsing every expression once. Problems are added to the resource's errors.
 */
final class ExtensionReader {

  private final TransformErrors errors;
  private final ExpressionLanguage expressions;

  ExtensionReader(TransformErrors errors, ExpressionLanguage expressions) {
    this.errors = errors;
    this.expressions = expressions;
  }

  TimerDefinition timer(Event event, TimerEventDefinition definition) {
    if (definition.getTimeDate() != null) {
      return new TimerDefinition(
          TimerDefinition.Kind.DATE, expression(event, definition.getTimeDate().getTextContent()));
    } else if (definition.getTimeDuration() != null) {
      return new TimerDefinition(
          TimerDefinition.Kind.DURATION,
          expression(event, definition.getTimeDuration().getTextContent()));
    } else if (definition.getTimeCycle() != null) {
      String cycle = definition.getTimeCycle().getTextContent();
      if (!cycle.strip().startsWith("=") && !cycle.strip().startsWith("R")) {
        Either<CronCycle> cron = CronCycle.parse(cycle);
        if (!cron.isOk()) {
          errors.add(
              event,
              "Expected a time cycle as an ISO 8601 repeating interval (R3/PT10M) or a cron"
                  + " expression but found '"
                  + cycle
                  + "': "
                  + cron.failure());
        }
      }
      return new TimerDefinition(TimerDefinition.Kind.CYCLE, expression(event, cycle));
    }
    errors.add(event, "Expected a timer definition with a date, duration or cycle but found none");
    return null;
  }

  void message(FlowNode node, Message message, ExecutableElement element) {
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

  void calledElement(FlowNode node, ExecutableElement element) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      errors.add(node, "Expected a zeebe:calledElement with a processId but found none");
      return;
    }
    ZeebeBindingType bindingType = called.getBindingType();
    CalledElement.Binding binding =
        bindingType == null
            ? CalledElement.Binding.LATEST
            : switch (bindingType) {
              case latest -> CalledElement.Binding.LATEST;
              case deployment -> CalledElement.Binding.DEPLOYMENT;
              case versionTag -> CalledElement.Binding.VERSION_TAG;
            };
    if (binding == CalledElement.Binding.VERSION_TAG
        && (called.getVersionTag() == null || called.getVersionTag().isBlank())) {
      errors.add(node, "Expected a versionTag with the binding type versionTag but found none");
    }
    element.calledElement(
        new CalledElement(
            expression(node, called.getProcessId()),
            binding,
            called.getVersionTag(),
            called.isPropagateAllParentVariablesEnabled(),
            called.isPropagateAllChildVariablesEnabled()));
  }

  void job(BaseElement node, ExecutableElement element) {
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

  void userTask(Task task, ExecutableElement element) {
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
              Expression.ofStatic(BpmnTransformer.JOB_BASED_USER_TASK_TYPE),
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

  /**
   * Reads {@code zeebe:executionListeners} and {@code zeebe:taskListeners} (Zeebe's validators
   * already refused them where Camunda does not run them). The deprecated task listener event names
   * ({@code assignment}, {@code complete}...) are read as their 8.8 names.
   */
  void listeners(BaseElement node, ExecutableElement element) {
    List<ListenerDefinition> listeners = new ArrayList<>();
    ZeebeExecutionListeners execution =
        node.getSingleExtensionElement(ZeebeExecutionListeners.class);
    if (execution != null) {
      for (ZeebeExecutionListener listener : execution.getExecutionListeners()) {
        if (listener.getEventType() == null) {
          errors.add(node, "Expected an execution listener with an eventType but found none");
          continue;
        }
        listeners.add(
            listener(
                node, listener.getEventType().name(), listener.getType(), listener.getRetries()));
      }
    }
    ZeebeTaskListeners task = node.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (task != null) {
      for (ZeebeTaskListener listener : task.getTaskListeners()) {
        if (listener.getEventType() == null) {
          errors.add(node, "Expected a task listener with an eventType but found none");
          continue;
        }
        String eventType =
            switch (listener.getEventType()) {
              case create, creating -> "creating";
              case assignment, assigning -> "assigning";
              case update, updating -> "updating";
              case complete, completing -> "completing";
              case cancel, canceling -> "canceling";
            };
        if (eventType.equals("canceling")) {
          errors.add(
              node,
              "Expected an element supported by the embedded engine but found unsupported"
                  + " canceling task listener on userTask '"
                  + node.getId()
                  + "'");
          continue;
        }
        listeners.add(listener(node, eventType, listener.getType(), listener.getRetries()));
      }
    }
    if (!listeners.isEmpty()) {
      element.listeners(listeners);
    }
  }

  private ListenerDefinition listener(
      BaseElement node, String eventType, String type, String retries) {
    if (type == null || type.isBlank()) {
      errors.add(node, "Expected a " + eventType + " listener with a job type but found none");
    }
    return new ListenerDefinition(
        eventType,
        expression(node, type == null ? "" : type),
        expression(node, retries == null || retries.isBlank() ? "3" : retries));
  }

  Map<String, String> headers(BaseElement node) {
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

  void mappings(BaseElement node, ExecutableElement element) {
    ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    element.mappings(mappingList(node, io.getInputs()), mappingList(node, io.getOutputs()));
  }

  List<Mapping> mappingList(BaseElement node, Collection<? extends ZeebeMapping> list) {
    List<Mapping> mappings = new ArrayList<>();
    for (ZeebeMapping mapping : list) {
      // As in Camunda: a source starting with '=' is FEEL, any other text is a static string
      // value taken as written (a URL, "POST", "{{secrets.KEY}}/path", "25" as text); no source
      // maps null.
      String source = mapping.getSource();
      Expression expression =
          source == null || source.isBlank() ? feel(node, "=null") : expression(node, source);
      mappings.add(new Mapping(expression, Arrays.asList(mapping.getTarget().split("\\."))));
    }
    return mappings;
  }

  Expression optional(BaseElement node, String raw) {
    return raw == null || raw.isBlank() ? null : expression(node, raw);
  }

  Expression expression(BaseElement node, String raw) {
    Either<Expression> parsed = expressions.parse(raw == null ? "" : raw);
    if (!parsed.isOk()) {
      errors.add(node, parsed.failure());
      return Expression.ofStatic(raw);
    }
    return parsed.value();
  }

  Expression feel(BaseElement node, String raw) {
    Either<Expression> parsed = expressions.parseFeel(raw);
    if (!parsed.isOk()) {
      errors.add(node, parsed.failure());
      return Expression.ofStatic(raw);
    }
    return parsed.value();
  }
}
