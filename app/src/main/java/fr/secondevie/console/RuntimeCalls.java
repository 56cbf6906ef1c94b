package fr.secondevie.console;

import fr.secondevie.console.ConsoleViews.IncidentRow;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.SearchResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/** What every call of the console to the runtime shares: failures, totals and mapping. */
final class RuntimeCalls {

  private RuntimeCalls() {}

  static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ClientHttpException e) {
      throw new ConsoleUnavailableException(e.code(), e.getMessage(), e);
    } catch (ClientException e) {
      throw new ConsoleUnavailableException(0, e.getMessage(), e);
    }
  }

  static long total(SearchResponse<?> response) {
    Long total = response.page() == null ? null : response.page().totalItems();
    return total == null ? response.items().size() : total;
  }

  static IncidentRow incident(Incident i) {
    return new IncidentRow(
        i.getIncidentKey(),
        i.getProcessInstanceKey(),
        i.getProcessDefinitionId(),
        i.getElementId(),
        i.getErrorType() == null ? "" : i.getErrorType().name(),
        i.getErrorMessage(),
        instant(i.getCreationTime()),
        i.getJobKey(),
        i.getState() == IncidentState.ACTIVE);
  }

  static Long number(String json) {
    try {
      return json == null ? null : Long.valueOf(json.strip().replace("\"", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
