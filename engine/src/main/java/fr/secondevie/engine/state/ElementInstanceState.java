package fr.secondevie.engine.state;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableFlow;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.record.ProcessInstanceValue;
import fr.secondevie.engine.record.Record;
import java.util.HashMap;
import java.util.Map;

/** Live element instances, created on ELEMENT_ACTIVATING and removed when they end. */
public final class ElementInstanceState {

  private final Map<Long, ElementInstance> instances = new HashMap<>();
  private final DefinitionState definitions;

  ElementInstanceState(DefinitionState definitions) {
    this.definitions = definitions;
  }

  public ElementInstance get(long key) {
    return instances.get(key);
  }

  public int size() {
    return instances.size();
  }

  void apply(Record record) {
    ProcessInstanceValue value = (ProcessInstanceValue) record.value();
    switch (record.intent()) {
      case ELEMENT_ACTIVATING -> activating(record.key(), value);
      case ELEMENT_ACTIVATED -> setState(record.key(), ElementState.ACTIVATED);
      case ELEMENT_COMPLETING -> setState(record.key(), ElementState.COMPLETING);
      case ELEMENT_TERMINATING -> setState(record.key(), ElementState.TERMINATING);
      case ELEMENT_COMPLETED -> ended(record.key(), true);
      case ELEMENT_TERMINATED -> ended(record.key(), false);
      case SEQUENCE_FLOW_TAKEN -> flowTaken(value);
      default -> {}
    }
  }

  private void activating(long key, ProcessInstanceValue value) {
    ExecutableProcess process = definitions.process(value.processDefinitionKey());
    ExecutableElement element = resolve(process, value);
    ElementInstance flowScope = instances.get(value.flowScopeKey());
    ElementInstance instance = new ElementInstance(key, value, element, flowScope);
    instances.put(key, instance);
    if (flowScope != null) {
      flowScope.addChild(instance);
      followIncoming(flowScope, element);
      if (flowScope.element().type() == ElementType.MULTI_INSTANCE_BODY) {
        flowScope.innerInstanceActivated(instance);
      }
      if (element.type() == ElementType.EVENT_SUB_PROCESS
          && element.startEvents().get(0).interrupting()) {
        // an interrupting event sub-process: its scope runs nothing else, pending tokens die
        flowScope.interrupt();
      }
    } else if (value.parentElementInstanceKey() > 0) {
      ElementInstance callActivity = instances.get(value.parentElementInstanceKey());
      if (callActivity != null) {
        callActivity.calledProcessInstanceKey(key);
      }
    }
  }

  /**
   * The executable element of a record: a multi-instance body and its inner activity share their
   * id; the record's element type tells them apart.
   */
  private static ExecutableElement resolve(ExecutableProcess process, ProcessInstanceValue value) {
    if (value.elementType() == ElementType.PROCESS) {
      return process.root();
    }
    ExecutableElement element = process.element(value.elementId());
    if (element.type() == ElementType.MULTI_INSTANCE_BODY
        && value.elementType() != ElementType.MULTI_INSTANCE_BODY) {
      element = element.innerActivity();
    }
    if (element.adHoc() != null
        && value.elementType() == ElementType.AD_HOC_SUB_PROCESS_INNER_INSTANCE) {
      return element.adHoc().innerInstance();
    }
    return element;
  }

  /**
   * An element reached through sequence flows consumes a token of one of them; a join consumes one
   * per flow that has one (a parallel join has one on each).
   */
  private void followIncoming(ElementInstance flowScope, ExecutableElement element) {
    if (element.incoming().isEmpty()
        || element.type() == ElementType.BOUNDARY_EVENT
        || element.type() == ElementType.START_EVENT) {
      return;
    }
    boolean join = isJoin(element);
    for (ExecutableFlow flow : element.incoming()) {
      if (flowScope.followed(flow.id()) && !join) {
        return;
      }
    }
  }

  /** A parallel or inclusive gateway with more than one incoming flow. */
  public static boolean isJoin(ExecutableElement element) {
    return (element.type() == ElementType.PARALLEL_GATEWAY
            || element.type() == ElementType.INCLUSIVE_GATEWAY)
        && element.incoming().size() > 1;
  }

  private void setState(long key, ElementState state) {
    ElementInstance instance = instances.get(key);
    if (instance != null) {
      instance.state(state);
    }
  }

  private void ended(long key, boolean completed) {
    ElementInstance instance = instances.remove(key);
    if (instance == null) {
      return;
    }
    ElementInstance flowScope = instance.flowScope();
    if (flowScope != null) {
      flowScope.removeChild(instance);
      if (instance.element().eventKind() == EventKind.TERMINATE) {
        // a terminate end event ends the whole scope: pending tokens die with it
        flowScope.clearFlows();
      }
      if (flowScope.element().type() == ElementType.MULTI_INSTANCE_BODY) {
        flowScope.innerInstanceEnded(completed);
      }
    } else if (instance.value().parentElementInstanceKey() > 0) {
      ElementInstance callActivity = instances.get(instance.value().parentElementInstanceKey());
      if (callActivity != null) {
        callActivity.calledProcessInstanceKey(-1);
      }
    }
  }

  private void flowTaken(ProcessInstanceValue value) {
    ElementInstance scope = instances.get(value.flowScopeKey());
    if (scope != null) {
      scope.flowTaken(value.elementId());
    }
  }

  void clear() {
    instances.clear();
  }
}
