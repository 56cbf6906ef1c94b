package fr.secondevie.engine.processing.behavior;

import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;

/** Raises incidents on element instances and resolves them. */
public final class IncidentBehavior {

  private final EngineContext ctx;

  public IncidentBehavior(EngineContext ctx) {
    this.ctx = ctx;
  }

  public void raise(ElementInstance instance, ErrorType type, String message) {
    raise(instance, type, message, -1);
  }

  public void raise(ElementInstance instance, ErrorType type, String message, long jobKey) {
    ctx.write(
        ctx.nextKey(),
        ValueType.INCIDENT,
        Intent.CREATED,
        new IncidentValue(
            type.name(),
            message,
            instance.value().bpmnProcessId(),
            instance.value().processDefinitionKey(),
            instance.processInstanceKey(),
            instance.element().id(),
            instance.key(),
            jobKey));
  }

  /** Resolves the open incidents of an element instance (when it is terminated). */
  public void resolveAll(ElementInstance instance) {
    for (long key : ctx.state().incidents().ofElementInstance(instance.key())) {
      resolve(key);
    }
  }

  public void resolve(long incidentKey) {
    IncidentValue incident = ctx.state().incidents().get(incidentKey);
    if (incident != null) {
      ctx.write(incidentKey, ValueType.INCIDENT, Intent.RESOLVED, incident);
    }
  }
}
