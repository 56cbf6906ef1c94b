package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import fr.secondevie.engine.feel.ExpressionLanguage;
import io.camunda.zeebe.model.bpmn.instance.Activity;
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
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Builds one executable process: walks its flow nodes (and those of its sub-processes), rejects the
 * elements the engine does not run, and links sequence flows and boundary events once every element
 * exists.
 */
final class ProcessTransformer {
  private final Process process;
  private final TransformErrors errors;
  private final ExtensionReader extensions;
  private final Map<String, ExecutableElement> elements = new LinkedHashMap<>();
  private final Map<String, ExecutableFlow> flows = new LinkedHashMap<>();
  private final List<Runnable> links = new ArrayList<>();

  ProcessTransformer(Process process, TransformErrors errors, ExpressionLanguage expressions) {
    this.process = process;
    this.errors = errors;
    this.extensions = new ExtensionReader(errors, expressions);
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
      condition = extensions.feel(flow, flow.getConditionExpression().getTextContent());
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
      extensions.mappings(node, element);
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
      extensions.job(task, element);
    } else if (task instanceof SendTask) {
      element = element(task, ElementType.SEND_TASK, EventKind.NONE, scope);
      extensions.job(task, element);
    } else if (task instanceof ReceiveTask receive) {
      element = element(task, ElementType.RECEIVE_TASK, EventKind.MESSAGE, scope);
      extensions.message(task, receive.getMessage(), element);
    } else if (task instanceof UserTask) {
      element = element(task, ElementType.USER_TASK, EventKind.NONE, scope);
      extensions.userTask(task, element);
    } else if (task instanceof BusinessRuleTask) {
      element = element(task, ElementType.BUSINESS_RULE_TASK, EventKind.NONE, scope);
      ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
      if (decision != null) {
        element.calledDecision(
            extensions.expression(task, decision.getDecisionId()), decision.getResultVariable());
      } else {
        extensions.job(task, element);
      }
    } else if (task instanceof ScriptTask) {
      element = element(task, ElementType.SCRIPT_TASK, EventKind.NONE, scope);
      ZeebeScript script = task.getSingleExtensionElement(ZeebeScript.class);
      if (script != null) {
        element.script(extensions.feel(task, script.getExpression()), script.getResultVariable());
      } else {
        extensions.job(task, element);
      }
    } else if (task instanceof ManualTask) {
      element = element(task, ElementType.MANUAL_TASK, EventKind.NONE, scope);
    } else if (task.getElementType().getTypeName().equals("task")) {
      element = element(task, ElementType.TASK, EventKind.NONE, scope);
    } else {
      return unsupported(task, typeName(task));
    }
    extensions.mappings(task, element);
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
    extensions.mappings(event, element);
    switch (kind) {
      case MESSAGE -> {
        Message message = ((MessageEventDefinition) definition).getMessage();
        if (type == ElementType.END_EVENT || type == ElementType.INTERMEDIATE_THROW_EVENT) {
          extensions.job(event, element);
        } else {
          extensions.message(event, message, element);
        }
      }
      case TIMER -> element.timer(extensions.timer(event, (TimerEventDefinition) definition));
      case ERROR -> {
        var error = ((ErrorEventDefinition) definition).getError();
        String code = error != null ? error.getErrorCode() : null;
        if (type == ElementType.END_EVENT) {
          element.thrownErrorCode(code == null ? null : extensions.expression(event, code));
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
