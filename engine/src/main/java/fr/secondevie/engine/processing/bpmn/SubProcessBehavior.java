package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;
import java.util.Map;

/**
 * Embedded sub-process: a scope of its own (input mappings create its locals) started at its none
 * start event; it completes when nothing is left active inside it, and only its output mappings
 * propagate variables outwards.
 */
final class SubProcessBehavior extends ActivityBehavior {

  SubProcessBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return () -> {
      bpmn.lifecycle().activated(instance);
      bpmn.lifecycle().activate(instance.element().noneStartEvent(), instance, Map.of());
    };
  }
}
