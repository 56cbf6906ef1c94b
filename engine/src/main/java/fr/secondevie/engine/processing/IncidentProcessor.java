package fr.secondevie.engine.processing;

import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.Job;

/**
 * Resolves incidents. A job incident gives the job back to the workers (or raises a new incident
 * while the job has no retries); any other incident runs the failed step again, which raises a new
 * incident if the problem persists.
 */
final class IncidentProcessor {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  IncidentProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  Result<Void> resolve(long incidentKey) {
    IncidentValue incident = ctx.state().incidents().get(incidentKey);
    if (incident == null) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          "Expected to resolve incident with key '"
              + incidentKey
              + "', but no such incident was found");
    }
    bpmn.incidents().resolve(incidentKey);
    ElementInstance instance = ctx.state().instances().get(incident.elementInstanceKey());
    if (instance == null) {
      return Result.ok(null);
    }
    if (incident.jobKey() > 0) {
      Job job = ctx.state().jobs().get(incident.jobKey());
      if (job != null && job.status() == Job.Status.FAILED && job.value().retries() <= 0) {
        bpmn.incidents()
            .raise(
                instance,
                ErrorType.valueOf(incident.errorType()),
                incident.errorMessage(),
                incident.jobKey());
      }
      return Result.ok(null);
    }
    if (!bpmn.taskListeners().resume(instance)) {
      bpmn.lifecycle().resume(instance);
    }
    return Result.ok(null);
  }
}
