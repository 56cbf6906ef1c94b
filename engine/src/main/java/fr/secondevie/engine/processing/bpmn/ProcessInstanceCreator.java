package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ProcessInstanceValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Creates process instances: from a command (none start), a timer, message or signal start event,
 * or a call activity.
 */
public final class ProcessInstanceCreator {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  ProcessInstanceCreator(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /** Activates the process with its variables, then (as a follow-up) the start event. */
  public ElementInstance create(
      ExecutableProcess process, ExecutableElement startEvent, Map<String, Object> variables) {
    return create(process, List.of(startEvent), variables, null);
  }

  /**
   * Activates the process with its variables, then the given elements of its top level (a start
   * event, or the elements of start instructions).
   */
  public ElementInstance create(
      ExecutableProcess process,
      List<ExecutableElement> startElements,
      Map<String, Object> variables) {
    return create(process, startElements, variables, null);
  }

  /**
   * Activates the process with its variables, then the given elements of its top level; {@code
   * callActivity} is the calling element instance of a called process ({@code null} otherwise).
   */
  public ElementInstance create(
      ExecutableProcess process,
      List<ExecutableElement> startElements,
      Map<String, Object> variables,
      ElementInstance callActivity) {
    long key = ctx.nextKey();
    ctx.write(
        key,
        ValueType.PROCESS_INSTANCE,
        Intent.ELEMENT_ACTIVATING,
        new ProcessInstanceValue(
            process.bpmnProcessId(),
            process.version(),
            process.key(),
            key,
            process.bpmnProcessId(),
            ElementType.PROCESS,
            -1,
            callActivity == null ? -1 : callActivity.processInstanceKey(),
            callActivity == null ? -1 : callActivity.key()));
    ElementInstance root = ctx.state().instances().get(key);
    bpmn.variables().setLocal(root, variables);
    bpmn.behavior(process.root()).onActivate(root);
    if (!root.isActive()) {
      return root; // an incident: resolving it starts the instance at its none start event
    }
    for (ExecutableElement element : startElements) {
      ctx.followUp(
          () -> {
            if (root.isActive()) {
              bpmn.lifecycle().activate(element, root, Map.of());
            }
          });
    }
    return root;
  }
}
