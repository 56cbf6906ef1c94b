package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.Collections;

/**
 * Script task: evaluates its FEEL expression ({@code zeebe:script}) into the result variable and
 * completes; the job-based variant behaves like a service task.
 */
final class ScriptTaskBehavior extends ActivityBehavior {

  ScriptTaskBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    if (instance.element().job() != null) {
      return prepareJob(instance);
    }
    Either<Object> result =
        bpmn.ctx()
            .expressions()
            .evaluate(
                instance.element().script(), bpmn.ctx().state().variables().lookup(instance.key()));
    if (!result.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, result.failure());
      return null;
    }
    String resultVariable = instance.element().resultVariable();
    return () -> {
      if (resultVariable != null && !resultVariable.isBlank()) {
        bpmn.variables()
            .applyResult(instance, Collections.singletonMap(resultVariable, result.value()));
      }
      passThrough(instance).run();
    };
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
  }
}
