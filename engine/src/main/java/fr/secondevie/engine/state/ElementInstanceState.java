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
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> ended(record.key());
      case SEQUENCE_FLOW_TAKEN -> flowTaken(value);
      default -> {}
    }
  }

  private void activating(long key, ProcessInstanceValue value) {
    ExecutableProcess process = definitions.process(value.processDefinitionKey());
    ExecutableElement element =
        value.elementType() == ElementType.PROCESS
            ? process.root()
            : process.element(value.elementId());
    ElementInstance flowScope = instances.get(value.flowScopeKey());
    ElementInstance instance = new ElementInstance(key, value, element, flowScope);
    instances.put(key, instance);
    if (flowScope != null) {
      flowScope.addChild(instance);
      followIncoming(flowScope, element);
    }
  }

  /** An element reached through sequence flows consumes them (a join consumes one per flow). */
  private void followIncoming(ElementInstance flowScope, ExecutableElement element) {
    if (element.incoming().isEmpty()
        || element.type() == ElementType.BOUNDARY_EVENT
        || element.type() == ElementType.START_EVENT) {
      return;
    }
    if (isJoin(element)) {
      for (ExecutableFlow flow : element.incoming()) {
        flowScope.joined(flow.id());
      }
      flowScope.flowsFollowed(element.incoming().size());
    } else {
      flowScope.flowsFollowed(1);
    }
  }

  public static boolean isJoin(ExecutableElement element) {
    return element.type() == ElementType.PARALLEL_GATEWAY && element.incoming().size() > 1;
  }

  private void setState(long key, ElementState state) {
    ElementInstance instance = instances.get(key);
    if (instance != null) {
      instance.state(state);
    }
  }

  private void ended(long key) {
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
    }
  }

  private void flowTaken(ProcessInstanceValue value) {
    ElementInstance scope = instances.get(value.flowScopeKey());
    if (scope == null) {
      return;
    }
    ExecutableProcess process = definitions.process(value.processDefinitionKey());
    ExecutableFlow flow = process.flow(value.elementId());
    scope.flowTaken(flow.id(), isJoin(flow.target()));
  }

  void clear() {
    instances.clear();
  }
}
