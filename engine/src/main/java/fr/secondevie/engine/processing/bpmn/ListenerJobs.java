package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.ListenerDefinition;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.Job;
import fr.secondevie.engine.util.Either;
import java.util.List;

/**
 * Listener jobs, one at a time in model order: execution listeners ({@code start} after the input
 * mappings and before the element's own behaviour, {@code end} after the output mappings and before
 * the element is left) and user task listeners. The element waits while a listener job is open;
 * completing it runs the same step again, which creates the next listener job or goes on.
 */
public final class ListenerJobs {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  ListenerJobs(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /** Whether start listeners already ran for this activation (its input mappings are applied). */
  public boolean startBegun(ElementInstance instance) {
    return instance.listenersDone() > 0;
  }

  /** Creates the next start listener job; returns whether the element must wait. */
  public boolean awaitStart(ElementInstance instance) {
    return awaitNext(
        instance,
        instance.element().listeners("start"),
        instance.listenersDone(),
        JobValue.EXECUTION_LISTENER,
        "START",
        null);
  }

  /** Creates the next end listener job; returns whether the element must wait. */
  public boolean awaitEnd(ElementInstance instance) {
    return awaitNext(
        instance,
        instance.element().listeners("end"),
        instance.listenersDone(),
        JobValue.EXECUTION_LISTENER,
        "END",
        null);
  }

  /**
   * Creates the job of the listener after the {@code done} first ones, if any; returns whether one
   * is awaited (a job created or an incident raised on evaluating its type or retries).
   */
  public boolean awaitNext(
      ElementInstance instance,
      List<ListenerDefinition> listeners,
      int done,
      String kind,
      String eventType,
      JobValue.ListenerTask userTask) {
    if (done >= listeners.size()) {
      return false;
    }
    ListenerDefinition listener = listeners.get(done);
    VariableLookup variables = ctx.state().variables().lookup(instance.key());
    Either<String> type = ctx.expressions().evaluateString(listener.type(), variables);
    Either<Long> retries =
        type.isOk() ? ctx.expressions().evaluateLong(listener.retries(), variables) : null;
    if (!type.isOk() || !retries.isOk()) {
      bpmn.incidents()
          .raise(
              instance,
              ErrorType.EXTRACT_VALUE_ERROR,
              !type.isOk() ? type.failure() : retries.failure());
      return true;
    }
    JobValue job =
        new JobValue(
                type.value(),
                "",
                retries.value().intValue(),
                -1,
                -1,
                "",
                "",
                instance.element().headers(),
                instance.key(),
                instance.element().id(),
                instance.processInstanceKey(),
                instance.value().bpmnProcessId(),
                instance.value().version(),
                instance.value().processDefinitionKey())
            .asListener(kind, eventType, userTask);
    ctx.write(ctx.nextKey(), ValueType.JOB, Intent.CREATED, job);
    return true;
  }

  /** Cancels the open listener job of an element that is left (terminated). */
  public void cancel(ElementInstance instance) {
    Job job = ctx.state().jobs().get(instance.jobKey());
    if (job != null && job.value().listenerJob()) {
      ctx.write(job.key(), ValueType.JOB, Intent.CANCELED, job.value());
    }
  }
}
