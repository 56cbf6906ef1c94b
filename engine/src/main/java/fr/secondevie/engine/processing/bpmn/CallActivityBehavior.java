package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.CalledElement;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.DefinitionState;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Call activity, as the Camunda 8.8 "Call activities" page describes it: creates an instance of the
 * called process (latest version, the one deployed with the caller, or the latest with a version
 * tag) at its none start event, with every variable visible from the call activity, or only its
 * local ones (input mappings) when {@code propagateAllParentVariables} is off. When the child
 * completes, its variables come back: all of them by default, only through the output mappings when
 * there are some, none when {@code propagateAllChildVariables} is off and there are no output
 * mappings. Terminating the call activity terminates the child. A missing called process is a
 * {@code CALLED_ELEMENT_ERROR} incident, retried on resolution.
 */
final class CallActivityBehavior extends ActivityBehavior {

  CallActivityBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    Either<ExecutableProcess> called = calledProcess(instance);
    if (!called.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.CALLED_ELEMENT_ERROR, called.failure());
      return null;
    }
    ExecutableProcess process = called.value();
    ExecutableElement start = process.root().noneStartEvent();
    if (start == null) {
      bpmn.incidents()
          .raise(
              instance,
              ErrorType.CALLED_ELEMENT_ERROR,
              "Expected process with BPMN process id '"
                  + process.bpmnProcessId()
                  + "' to have a none start event, but not found.");
      return null;
    }
    return () -> {
      bpmn.lifecycle().activated(instance);
      bpmn.creator().create(process, List.of(start), variablesForChild(instance), instance);
    };
  }

  private Either<ExecutableProcess> calledProcess(ElementInstance instance) {
    CalledElement called = instance.element().calledElement();
    Either<String> processId =
        bpmn.ctx()
            .expressions()
            .evaluateString(
                called.processId(), bpmn.ctx().state().variables().lookup(instance.key()));
    if (!processId.isOk()) {
      return Either.fail(processId.failure());
    }
    String id = processId.value();
    DefinitionState definitions = bpmn.ctx().state().definitions();
    ExecutableProcess process =
        switch (called.binding()) {
          case LATEST -> definitions.latestProcess(id);
          case DEPLOYMENT ->
              definitions.processInDeployment(id, instance.element().process().deploymentKey());
          case VERSION_TAG -> definitions.latestProcessWithVersionTag(id, called.versionTag());
        };
    if (process == null) {
      String binding =
          switch (called.binding()) {
            case LATEST -> "";
            case DEPLOYMENT -> " in the same deployment as the calling process";
            case VERSION_TAG -> " with version tag '" + called.versionTag() + "'";
          };
      return Either.fail(
          "Expected process with BPMN process id '"
              + id
              + "'"
              + binding
              + " to be deployed, but not found.");
    }
    return Either.ok(process);
  }

  /**
   * Every variable visible from the call activity by default; else its local variables when it has
   * input mappings, and nothing without.
   */
  private Map<String, Object> variablesForChild(ElementInstance instance) {
    var variables = bpmn.ctx().state().variables();
    if (instance.element().calledElement().propagateAllParentVariables()) {
      return variables.visible(instance.key(), List.of());
    }
    if (instance.element().inputMappings().isEmpty()) {
      return Map.of();
    }
    Map<String, Object> locals = new LinkedHashMap<>();
    variables
        .locals(instance.key())
        .forEach((name, variable) -> locals.put(name, variable.value()));
    return locals;
  }

  /**
   * A called process instance completed with these root variables: they come back to the call
   * activity, which completes.
   */
  void calledProcessCompleted(ElementInstance child, Map<String, Object> variables) {
    long callActivityKey = child.value().parentElementInstanceKey();
    if (callActivityKey < 0) {
      return;
    }
    ElementInstance callActivity = bpmn.ctx().state().instances().get(callActivityKey);
    if (callActivity == null || !callActivity.isActive()) {
      return;
    }
    ExecutableElement element = callActivity.element();
    if (!element.outputMappings().isEmpty()) {
      bpmn.variables().setLocal(callActivity, variables);
    } else if (element.calledElement().propagateAllChildVariables()) {
      bpmn.variables().propagate(callActivity, variables);
    }
    bpmn.lifecycle().complete(callActivity);
  }

  @Override
  protected void release(ElementInstance instance) {
    ElementInstance child = bpmn.ctx().state().instances().get(instance.calledProcessInstanceKey());
    if (child != null && child.isActive()) {
      bpmn.lifecycle().terminate(child);
    }
  }
}
