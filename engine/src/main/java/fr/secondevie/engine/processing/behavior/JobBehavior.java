package fr.secondevie.engine.processing.behavior;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.JobDefinition;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.Job;
import fr.secondevie.engine.util.Either;

/** Creates the job of a job-based element and cancels it when the element is left early. */
public final class JobBehavior {

  private final EngineContext ctx;

  public JobBehavior(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Evaluates type and retries in the element's scope (evaluated on activation). */
  public Either<JobValue> prepare(ElementInstance instance) {
    JobDefinition definition = instance.element().job();
    VariableLookup variables = ctx.state().variables().lookup(instance.key());
    Either<String> type = ctx.expressions().evaluateString(definition.type(), variables);
    if (!type.isOk()) {
      return Either.fail(type.failure());
    }
    Either<Long> retries = ctx.expressions().evaluateLong(definition.retries(), variables);
    if (!retries.isOk()) {
      return Either.fail(retries.failure());
    }
    return Either.ok(
        new JobValue(
            type.value(),
            "",
            retries.value().intValue(),
            -1,
            -1,
            "",
            "",
            definition.headers(),
            instance.key(),
            instance.element().id(),
            instance.processInstanceKey(),
            instance.value().bpmnProcessId(),
            instance.value().version(),
            instance.value().processDefinitionKey()));
  }

  public void create(JobValue job) {
    ctx.write(ctx.nextKey(), ValueType.JOB, Intent.CREATED, job);
  }

  public void cancel(ElementInstance instance) {
    Job job = ctx.state().jobs().get(instance.jobKey());
    if (job != null) {
      ctx.write(job.key(), ValueType.JOB, Intent.CANCELED, job.value());
    }
  }
}
