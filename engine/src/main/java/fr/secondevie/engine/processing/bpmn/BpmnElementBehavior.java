package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;

/**
 * How one element type runs. The lifecycle writes the ACTIVATING, COMPLETING and TERMINATING
 * records, then calls the matching step. A step either moves on (through the lifecycle) or raises
 * an incident and stops; resolving the incident runs the same step again, so steps must evaluate
 * everything that can fail before writing anything that cannot be written twice.
 */
public interface BpmnElementBehavior {

  /**
   * The element is ACTIVATING: apply input mappings, open subscriptions, create the job or user
   * task... then write ACTIVATED (and complete at once for pass-through elements).
   */
  void onActivate(ElementInstance instance);

  /** The element is COMPLETING: apply output mappings, close subscriptions, then COMPLETED. */
  void onComplete(ElementInstance instance);

  /** The element is TERMINATING (its children are already terminated): release what it holds. */
  void onTerminate(ElementInstance instance);
}
