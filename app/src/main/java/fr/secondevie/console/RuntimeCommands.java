package fr.secondevie.console;

import fr.secondevie.console.ConsoleViews.IncidentRow;
import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the console changes in the runtime: commands sent with the client's REST API. */
@Component
class RuntimeCommands {

  private final CamundaClient client;

  RuntimeCommands(CamundaClient client) {
    this.client = client;
  }

  /**
   * Retries an incident: a job's incident gets its job's retries back first (the job is then
   * activated again), then the incident is resolved.
   */
  void retry(IncidentRow incident, int retries) {
    if (incident.jobKey() != null) {
      RuntimeCalls.call(
          () ->
              client
                  .newUpdateRetriesCommand(incident.jobKey())
                  .useRest()
                  .retries(retries)
                  .send()
                  .join());
    }
    RuntimeCalls.call(
        () -> client.newResolveIncidentCommand(incident.key()).useRest().send().join());
  }

  /** Resolves an incident that is not a job's: the runtime evaluates its element again. */
  void resolve(IncidentRow incident) {
    RuntimeCalls.call(
        () -> client.newResolveIncidentCommand(incident.key()).useRest().send().join());
  }

  /** Sets a variable on the instance's own scope (before a retry, to correct what failed). */
  void setVariable(long processInstanceKey, String name, Object value) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(name, value);
    RuntimeCalls.call(
        () ->
            client
                .newSetVariablesCommand(processInstanceKey)
                .useRest()
                .variables(variables)
                .local(true)
                .send()
                .join());
  }

  void cancel(long processInstanceKey) {
    RuntimeCalls.call(
        () -> client.newCancelInstanceCommand(processInstanceKey).useRest().send().join());
  }
}
