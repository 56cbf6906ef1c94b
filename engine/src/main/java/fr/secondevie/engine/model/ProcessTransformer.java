package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import fr.secondevie.engine.feel.ExpressionLanguage;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.CompletionCondition;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Escalation;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.Signal;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Builds one executable process: walks its flow nodes (and those of its sub-processes), rejects the
 * elements the engine does not run, and links sequence flows, boundary events and link events once
 * every element exists. A multi-instance activity becomes a body (with the activity's id, flows and
 * boundary events) around the inner activity.
 */
final class ProcessTransformer {

  /** {@code =name} or {@code =name.path}: an output element that only reads a variable. */
  private static final Pattern VARIABLE_REFERENCE =
      Pattern.compile("\\s*=?\\s*([A-Za-z_][A-Za-z0-9_]*)(\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*");

  private final Process process;
  private final TransformErrors errors;
  private final ExtensionReader extensions;
  private final Map<String, ExecutableElement> elements = new LinkedHashMap<>();
  private final Map<String, ExecutableFlow> flows = new LinkedHashMap<>();
  private final List<Runnable> links = new ArrayList<>();
  private final Map<ExecutableElement, Map<String, ExecutableElement>> linkCatches =
      new HashMap<>();

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
    extensions.listeners(process, root);
    addChildren(process.getFlowElements(), root);
    links.forEach(Runnable::run);
    for (ExecutableElement element : elements.values()) {
      if (element.type() == ElementType.EVENT_BASED_GATEWAY) {
        element.outgoing().forEach(flow -> flow.target().afterEventBasedGateway(true));
      } else if (element.type() == ElementType.INCLUSIVE_GATEWAY && element.incoming().size() > 1) {
        element.joinReach(joinReach(element));
      }
    }
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
    elements.values().stream()
        .map(ExecutableElement::innerActivity)
        .filter(Objects::nonNull)
        .forEach(e -> e.process(executable));
    for (ExecutableElement element : elements.values()) {
      ExecutableElement adHoc = element.innerActivity() != null ? element.innerActivity() : element;
      if (adHoc.adHoc() != null) {
        adHoc.adHoc().innerInstance().process(executable);
      }
    }
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
    ExecutableElement element =
        node instanceof Activity activity && activity.getLoopCharacteristics() != null
            ? addMultiInstance(activity, scope)
            : addSingleNode(node, scope);
    if (element != null) {
      // the listeners of a multi-instance activity run for each inner instance
      extensions.listeners(
          node, element.innerActivity() != null ? element.innerActivity() : element);
    }
    if (element != null && node instanceof Activity activity && activity.isForCompensation()) {
      element.forCompensation(true);
      if (element.innerActivity() != null) {
        element.innerActivity().forCompensation(true);
      }
    }
    return element;
  }

  private ExecutableElement addMultiInstance(Activity activity, ExecutableElement scope) {
    if (!(activity.getLoopCharacteristics()
        instanceof MultiInstanceLoopCharacteristics characteristics)) {
      return unsupported(activity, "standard loop on " + typeName(activity));
    }
    if (activity instanceof SubProcess sub && sub.triggeredByEvent()) {
      return unsupported(activity, "multi-instance event sub-process");
    }
    ExecutableElement body =
        element(activity, ElementType.MULTI_INSTANCE_BODY, EventKind.NONE, scope);
    ExecutableElement inner = addSingleNode(activity, body);
    if (inner == null) {
      return null;
    }
    if (inner.type() == ElementType.INTERMEDIATE_THROW_EVENT
        || inner.type() == ElementType.END_EVENT) {
      return unsupported(activity, "multi-instance " + typeName(activity));
    }
    body.loop(loop(activity, characteristics), inner);
    return body;
  }

  private LoopDefinition loop(Activity activity, MultiInstanceLoopCharacteristics mi) {
    ZeebeLoopCharacteristics zeebe = mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null) {
      errors.add(
          activity, "Expected a zeebe:loopCharacteristics with an inputCollection but found none");
      return new LoopDefinition(
          mi.isSequential(), Expression.ofStatic(""), null, null, null, null, null);
    }
    String inputElement = blankToNull(zeebe.getInputElement());
    String outputElementText = blankToNull(zeebe.getOutputElement());
    String outputElementVariable = null;
    if (outputElementText != null) {
      Matcher reference = VARIABLE_REFERENCE.matcher(outputElementText);
      if (reference.matches()
          && !reference.group(1).equals(inputElement)
          && !reference.group(1).equals("loopCounter")) {
        outputElementVariable = reference.group(1);
      }
    }
    CompletionCondition completion = mi.getCompletionCondition();
    return new LoopDefinition(
        mi.isSequential(),
        extensions.feel(activity, zeebe.getInputCollection()),
        inputElement,
        blankToNull(zeebe.getOutputCollection()),
        outputElementText == null ? null : extensions.feel(activity, outputElementText),
        outputElementVariable,
        completion == null || blankToNull(completion.getTextContent()) == null
            ? null
            : extensions.feel(activity, completion.getTextContent()));
  }

  private ExecutableElement addSingleNode(FlowNode node, ExecutableElement scope) {
    if (node instanceof AdHocSubProcess adHoc) {
      return addAdHocSubProcess(adHoc, scope);
    }
    if (node instanceof SubProcess sub) {
      if (!sub.getElementType().getTypeName().equals("subProcess")) {
        return unsupported(node, typeName(node));
      }
      if (sub.triggeredByEvent()) {
        return addEventSubProcess(sub, scope);
      }
      ExecutableElement element = element(node, ElementType.SUB_PROCESS, EventKind.NONE, scope);
      extensions.mappings(node, element);
      addChildren(sub.getFlowElements(), element);
      return element;
    }
    if (node instanceof CallActivity call) {
      ExecutableElement element = element(node, ElementType.CALL_ACTIVITY, EventKind.NONE, scope);
      extensions.calledElement(call, element);
      extensions.mappings(node, element);
      return element;
    }
    if (node instanceof Event event) {
      return addEvent(event, scope);
    }
    if (node instanceof ExclusiveGateway gateway) {
      ExecutableElement element =
          element(node, ElementType.EXCLUSIVE_GATEWAY, EventKind.NONE, scope);
      defaultFlow(element, gateway.getDefault());
      return element;
    }
    if (node instanceof InclusiveGateway gateway) {
      ExecutableElement element =
          element(node, ElementType.INCLUSIVE_GATEWAY, EventKind.NONE, scope);
      defaultFlow(element, gateway.getDefault());
      return element;
    }
    if (node instanceof ParallelGateway) {
      return element(node, ElementType.PARALLEL_GATEWAY, EventKind.NONE, scope);
    }
    if (node instanceof EventBasedGateway) {
      return element(node, ElementType.EVENT_BASED_GATEWAY, EventKind.NONE, scope);
    }
    if (node instanceof Task task) {
      return addTask(task, scope);
    }
    return unsupported(node, typeName(node));
  }

  private void defaultFlow(ExecutableElement element, SequenceFlow flow) {
    if (flow != null) {
      String defaultId = flow.getId();
      links.add(() -> element.defaultFlow(flows.get(defaultId)));
    }
  }

  /**
   * An ad-hoc sub-process run by the engine (BPMN implementation): its activatable elements are
   * those without incoming flows; a job-worker implementation ({@code zeebe:taskDefinition}) is
   * refused.
   */
  private ExecutableElement addAdHocSubProcess(AdHocSubProcess sub, ExecutableElement scope) {
    if (sub.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      return unsupported(
          sub, "job worker implementation (zeebe:taskDefinition) of adHocSubProcess");
    }
    ExecutableElement element = element(sub, ElementType.AD_HOC_SUB_PROCESS, EventKind.NONE, scope);
    extensions.mappings(sub, element);
    addChildren(sub.getFlowElements(), element);
    ZeebeAdHoc zeebe = sub.getSingleExtensionElement(ZeebeAdHoc.class);
    String active = zeebe == null ? null : blankToNull(zeebe.getActiveElementsCollection());
    String outputCollection = zeebe == null ? null : blankToNull(zeebe.getOutputCollection());
    String outputElement = zeebe == null ? null : blankToNull(zeebe.getOutputElement());
    CompletionCondition completion = sub.getCompletionCondition();
    String condition = completion == null ? null : blankToNull(completion.getTextContent());
    List<ExecutableElement> activatable = new ArrayList<>();
    List<Map<String, Object>> described = new ArrayList<>();
    for (FlowElement child : sub.getFlowElements()) {
      if (child instanceof FlowNode inner
          && inner.getIncoming().isEmpty()
          && !(inner instanceof BoundaryEvent)
          && !(inner instanceof SubProcess esp && esp.triggeredByEvent())
          && !(inner instanceof Activity activity && activity.isForCompensation())
          && elements.get(inner.getId()) != null) {
        activatable.add(elements.get(inner.getId()));
        described.add(describe(inner));
      }
    }
    element.adHoc(
        new AdHocDefinition(
            active == null ? null : extensions.feel(sub, active),
            condition == null ? null : extensions.feel(sub, condition),
            sub.isCancelRemainingInstances(),
            outputCollection,
            outputElement == null ? null : extensions.feel(sub, outputElement),
            new ExecutableElement(
                sub.getId(),
                sub.getName(),
                ElementType.AD_HOC_SUB_PROCESS_INNER_INSTANCE,
                EventKind.NONE,
                element),
            List.copyOf(activatable),
            List.copyOf(described)));
    return element;
  }

  /** An activatable element as the adHocSubProcessElements variable shows it. */
  private static Map<String, Object> describe(FlowNode node) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("elementId", node.getId());
    if (blankToNull(node.getName()) != null) {
      described.put("elementName", node.getName());
    }
    String documentation =
        node.getDocumentations().stream()
            .map(d -> d.getTextContent())
            .filter(text -> blankToNull(text) != null)
            .findFirst()
            .orElse(null);
    if (documentation != null) {
      described.put("documentation", documentation);
    }
    ZeebeProperties properties = node.getSingleExtensionElement(ZeebeProperties.class);
    if (properties != null && !properties.getProperties().isEmpty()) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (ZeebeProperty property : properties.getProperties()) {
        values.put(property.getName(), property.getValue());
      }
      described.put("properties", values);
    }
    return described;
  }

  private ExecutableElement addEventSubProcess(SubProcess sub, ExecutableElement scope) {
    ExecutableElement element = element(sub, ElementType.EVENT_SUB_PROCESS, EventKind.NONE, scope);
    extensions.mappings(sub, element);
    addChildren(sub.getFlowElements(), element);
    if (element.startEvents().size() != 1) {
      errors.add(
          sub,
          "Expected an event sub-process with exactly one start event but found "
              + element.startEvents().size());
      return element;
    }
    ExecutableElement start = element.startEvents().get(0);
    if (start.eventKind() == EventKind.NONE) {
      errors.add(
          sub,
          "Expected the start event of an event sub-process to have a timer, message, error,"
              + " signal or escalation definition but '"
              + start.id()
              + "' has none");
    }
    scope.eventSubProcesses().add(element);
    return element;
  }

  private ExecutableElement addTask(Task task, ExecutableElement scope) {
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
      boolean supported =
          switch (scope.type()) {
            case PROCESS ->
                kind == EventKind.NONE
                    || kind == EventKind.MESSAGE
                    || kind == EventKind.TIMER
                    || kind == EventKind.SIGNAL;
            case EVENT_SUB_PROCESS ->
                kind == EventKind.MESSAGE
                    || kind == EventKind.TIMER
                    || kind == EventKind.ERROR
                    || kind == EventKind.SIGNAL
                    || kind == EventKind.ESCALATION;
            default -> kind == EventKind.NONE;
          };
      if (!supported) {
        return unsupported(event, kindName(kind) + " start event in " + typeName(event));
      }
    } else if (event instanceof EndEvent) {
      type = ElementType.END_EVENT;
      if (kind == EventKind.TIMER || kind == EventKind.LINK) {
        return unsupported(event, kindName(kind) + " end event");
      }
    } else if (event instanceof IntermediateCatchEvent) {
      type = ElementType.INTERMEDIATE_CATCH_EVENT;
      if (kind != EventKind.MESSAGE
          && kind != EventKind.TIMER
          && kind != EventKind.SIGNAL
          && kind != EventKind.LINK) {
        return unsupported(event, kindName(kind) + " intermediate catch event");
      }
    } else if (event instanceof IntermediateThrowEvent) {
      type = ElementType.INTERMEDIATE_THROW_EVENT;
      if (kind != EventKind.NONE
          && kind != EventKind.MESSAGE
          && kind != EventKind.SIGNAL
          && kind != EventKind.LINK
          && kind != EventKind.ESCALATION
          && kind != EventKind.COMPENSATION) {
        return unsupported(event, kindName(kind) + " intermediate throw event");
      }
    } else if (event instanceof BoundaryEvent) {
      type = ElementType.BOUNDARY_EVENT;
      if (kind != EventKind.MESSAGE
          && kind != EventKind.TIMER
          && kind != EventKind.ERROR
          && kind != EventKind.SIGNAL
          && kind != EventKind.ESCALATION
          && kind != EventKind.COMPENSATION) {
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
      case SIGNAL -> {
        Signal signal = ((SignalEventDefinition) definition).getSignal();
        if (signal == null || blankToNull(signal.getName()) == null) {
          errors.add(event, "Expected a signal with a name but found none");
        } else {
          element.signalName(extensions.expression(event, signal.getName()));
        }
      }
      case LINK -> addLink(event, (LinkEventDefinition) definition, element, scope);
      case ESCALATION -> {
        Escalation escalation = ((EscalationEventDefinition) definition).getEscalation();
        String code = escalation == null ? null : blankToNull(escalation.getEscalationCode());
        if (type == ElementType.END_EVENT || type == ElementType.INTERMEDIATE_THROW_EVENT) {
          if (code == null) {
            errors.add(event, "Expected an escalation with an escalation code but found none");
          } else {
            element.escalationCode(extensions.expression(event, code));
          }
        } else if (code != null) {
          element.escalationCode(Expression.ofStatic(code)); // null: catches every escalation
        }
      }
      case COMPENSATION -> compensation(event, (CompensateEventDefinition) definition, element);
      default -> {}
    }
    if (event instanceof StartEvent start && scope.type() == ElementType.EVENT_SUB_PROCESS) {
      element.interrupting(kind == EventKind.ERROR || start.isInterrupting());
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

  /**
   * A compensation boundary event is linked to the handler its association points to; a
   * compensation throw or end event to the activity its {@code activityRef} names, if any (Zeebe's
   * validators check that it exists in the same scope).
   */
  private void compensation(
      Event event, CompensateEventDefinition definition, ExecutableElement element) {
    if (event instanceof BoundaryEvent) {
      String handlerId = null;
      for (Association association :
          event.getModelInstance().getModelElementsByType(Association.class)) {
        if (association.getSource() != null
            && event.getId().equals(association.getSource().getId())
            && association.getTarget() != null) {
          handlerId = association.getTarget().getId();
        }
      }
      if (handlerId == null) {
        errors.add(
            event,
            "Expected the compensation boundary event '"
                + event.getId()
                + "' to have an association to a compensation handler but found none");
        return;
      }
      String target = handlerId;
      links.add(
          () -> {
            ExecutableElement handler = elements.get(target);
            if (handler == null || !handler.forCompensation()) {
              errors.add(
                  event,
                  "Expected the association of the compensation boundary event to point to an"
                      + " activity marked as compensation handler (isForCompensation) but '"
                      + target
                      + "' is not one");
            } else {
              element.compensationHandler(handler);
            }
          });
    } else if (definition.getActivity() != null) {
      String activityId = definition.getActivity().getId();
      links.add(() -> element.compensationActivity(elements.get(activityId)));
    }
  }

  /** A link throw event goes on at the link catch event of its scope with the same name. */
  private void addLink(
      Event event,
      LinkEventDefinition definition,
      ExecutableElement element,
      ExecutableElement scope) {
    String name = blankToNull(definition.getName());
    if (name == null) {
      errors.add(event, "Expected a link event definition with a name but found none");
      return;
    }
    element.link(name);
    if (event instanceof IntermediateCatchEvent) {
      linkCatches.computeIfAbsent(scope, k -> new HashMap<>()).put(name, element);
      return;
    }
    links.add(
        () -> {
          ExecutableElement target = linkCatches.getOrDefault(scope, Map.of()).get(name);
          if (target == null) {
            errors.add(
                event,
                "Expected a link catch event with the name '"
                    + name
                    + "' in the scope of the link throw event '"
                    + event.getId()
                    + "' but found none");
          } else {
            element.linkTarget(target);
          }
        });
  }

  /**
   * For each incoming flow of a joining inclusive gateway, the elements of its scope from which a
   * token can still reach that flow: walking backwards over sequence flows, from boundary events to
   * the activity they are attached to, and from link catch events to their link throw events. Paths
   * through the gateway itself do not count.
   */
  private Map<String, Set<String>> joinReach(ExecutableElement gateway) {
    Map<ExecutableElement, List<ExecutableElement>> linkThrows = new HashMap<>();
    for (ExecutableElement element : elements.values()) {
      if (element.linkTarget() != null) {
        linkThrows.computeIfAbsent(element.linkTarget(), k -> new ArrayList<>()).add(element);
      }
    }
    Map<String, Set<String>> reach = new LinkedHashMap<>();
    for (ExecutableFlow incoming : gateway.incoming()) {
      Set<String> visited = new LinkedHashSet<>();
      Deque<ExecutableElement> queue = new ArrayDeque<>();
      queue.add(incoming.source());
      while (!queue.isEmpty()) {
        ExecutableElement element = queue.poll();
        if (element == gateway || !visited.add(element.id())) {
          continue;
        }
        element.incoming().forEach(flow -> queue.add(flow.source()));
        if (element.attachedTo() != null) {
          queue.add(element.attachedTo());
        }
        queue.addAll(linkThrows.getOrDefault(element, List.of()));
      }
      reach.put(incoming.id(), visited);
    }
    return reach;
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
    } else if (definition instanceof SignalEventDefinition) {
      return EventKind.SIGNAL;
    } else if (definition instanceof LinkEventDefinition) {
      return EventKind.LINK;
    } else if (definition instanceof EscalationEventDefinition) {
      return EventKind.ESCALATION;
    } else if (definition instanceof CompensateEventDefinition) {
      return EventKind.COMPENSATION;
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

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private String typeName(ModelElementInstance node) {
    return node.getElementType().getTypeName();
  }

  private String kindName(EventKind kind) {
    return kind.name().toLowerCase();
  }
}
