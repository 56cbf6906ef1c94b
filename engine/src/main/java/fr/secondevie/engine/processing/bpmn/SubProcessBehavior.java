package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.state.ElementInstance;
import java.util.Map;

/**
 * Embedded and event sub-process: a scope of its own (input mappings create its locals) started at
 * its none start event, or for an event sub-process at its start event with the variables of the
 * event that triggered it; it completes when nothing is left active inside it, and only its output
 * mappings propagate variables outwards.
 */
final class SubProcessBehavior extends ActivityBehavior {

  SubProcessBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return () -> {
      bpmn.lifecycle().activated(instance);
      if (instance.element().type() == ElementType.EVENT_SUB_PROCESS) {
        bpmn.lifecycle()
            .activate(
                instance.element().startEvents().get(0), instance, instance.triggerVariables());
      } else {
        bpmn.lifecycle().activate(instance.element().noneStartEvent(), instance, Map.of());
      }
    };
  }
}
