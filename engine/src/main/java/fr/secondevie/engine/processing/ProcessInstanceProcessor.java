package fr.secondevie.engine.processing;

import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates and cancels process instances and sets variables on a scope. */
final class ProcessInstanceProcessor {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  ProcessInstanceProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /** Finds the definition: by key when positive, else by id and version (-1 = latest). */
  Result<ExecutableProcess> find(long processDefinitionKey, String bpmnProcessId, int version) {
    var definitions = ctx.state().definitions();
    ExecutableProcess process;
    if (processDefinitionKey > 0) {
      process = definitions.process(processDefinitionKey);
      if (process == null) {
        return Result.rejected(
            RejectionType.NOT_FOUND,
            "Expected to find process definition with key '"
                + processDefinitionKey
                + "', but none found");
      }
      return Result.ok(process);
    }
    if (bpmnProcessId == null || bpmnProcessId.isBlank()) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected either a process definition key or a BPMN process id, but none given");
    }
    process =
        version < 0
            ? definitions.latestProcess(bpmnProcessId)
            : definitions.process(bpmnProcessId, version);
    if (process == null) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          "Expected to find process definition with process ID '"
              + bpmnProcessId
              + "'"
              + (version < 0 ? "" : " and version '" + version + "'")
              + ", but none found");
    }
    return Result.ok(process);
  }

  /**
   * Creates an instance at the none start event or, with start instructions, at the given elements
   * of the process's top level.
   */
  Result<ElementInstance> create(
      ExecutableProcess process, Map<String, Object> variables, List<String> startElementIds) {
    if (!startElementIds.isEmpty()) {
      List<ExecutableElement> elements = new ArrayList<>();
      for (String id : startElementIds) {
        ExecutableElement element = process.element(id);
        if (element == null || element.flowScope() != process.root()) {
          return Result.rejected(
              RejectionType.INVALID_ARGUMENT,
              "Expected to start the process instance at an element of the process's top level,"
                  + " but '"
                  + id
                  + "' is "
                  + (element == null ? "not an element of the process" : "inside a sub-process"));
        }
        if (element.attachedTo() != null) {
          return Result.rejected(
              RejectionType.INVALID_ARGUMENT,
              "Expected to start the process instance at an element, but '"
                  + id
                  + "' is a boundary event");
        }
        elements.add(element);
      }
      return Result.ok(bpmn.creator().create(process, elements, variables));
    }
    ExecutableElement start = process.root().noneStartEvent();
    if (start == null) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to create instance of process with none start event, but there is no such"
              + " event");
    }
    return Result.ok(bpmn.creator().create(process, start, variables));
  }

  Result<Void> cancel(long processInstanceKey) {
    ElementInstance instance = ctx.state().instances().get(processInstanceKey);
    if (instance == null || instance.flowScope() != null) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          "Expected to cancel a process instance with key '"
              + processInstanceKey
              + "', but no such process was found");
    }
    if (instance.value().parentProcessInstanceKey() > 0) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to cancel a process instance with key '"
              + processInstanceKey
              + "', but it is created by a parent process instance. Cancel the root process"
              + " instance '"
              + instance.value().parentProcessInstanceKey()
              + "' instead.");
    }
    bpmn.lifecycle().terminate(instance);
    return Result.ok(null);
  }

  Result<Long> setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    ElementInstance instance = ctx.state().instances().get(elementInstanceKey);
    if (instance == null) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          "Expected to update variables for element with key '"
              + elementInstanceKey
              + "', but no such element was found");
    }
    if (local) {
      bpmn.variables().setLocal(instance, variables);
    } else {
      bpmn.variables().propagate(instance, variables);
    }
    return Result.ok(ctx.nextKey());
  }

  /**
   * Activates elements of an active ad-hoc sub-process, each in an inner instance with its
   * variables; with {@code cancelRemaining}, the inner instances still active are terminated first.
   * Unknown elements reject the whole command, naming them.
   */
  Result<Void> activateAdHoc(
      long adHocKey, List<AdHocActivation> activations, boolean cancelRemaining) {
    ElementInstance instance = ctx.state().instances().get(adHocKey);
    String expected =
        "Expected to activate activities of the ad-hoc sub-process with key '" + adHocKey + "'";
    if (instance == null || instance.element().adHoc() == null) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          expected + ", but no such ad-hoc sub-process instance was found");
    }
    if (!instance.isActive()) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          expected + ", but it is not active (" + instance.state().name() + ")");
    }
    List<ExecutableElement> elements = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (AdHocActivation activation : activations) {
      ExecutableElement element = instance.element().adHoc().activatable(activation.elementId());
      if (element == null) {
        unknown.add("'" + activation.elementId() + "'");
      }
      elements.add(element);
    }
    if (!unknown.isEmpty()) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          expected
              + ", but the elements "
              + String.join(", ", unknown)
              + " are not elements of '"
              + instance.element().id()
              + "' that can be activated (inner elements without incoming flows)");
    }
    if (cancelRemaining) {
      bpmn.cancelAdHocRemaining(instance);
    }
    for (int i = 0; i < activations.size() && instance.isActive(); i++) {
      bpmn.activateInAdHoc(instance, elements.get(i), activations.get(i).variables());
    }
    return Result.ok(null);
  }
}
