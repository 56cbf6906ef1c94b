package fr.secondevie.console;

import java.time.Instant;
import java.util.List;

/** What the console pages show, read from the process runtime. */
final class ConsoleViews {

  private ConsoleViews() {}

  /** One deployed version of a process, with its instance counts. */
  record ProcessVersion(
      long definitionKey,
      String processId,
      String name,
      int version,
      String versionTag,
      String resourceName,
      BundledFiles.Source source,
      long active,
      long completed,
      long incidents) {

    public String label() {
      return name == null || name.isBlank() ? processId : name;
    }
  }

  /** One process instance in a list. */
  record InstanceRow(
      long key,
      String processId,
      String processName,
      int version,
      long definitionKey,
      Instant start,
      Instant end,
      InstanceState state) {}

  /** A page of instances. */
  record InstancePage(List<InstanceRow> rows, long total, int page, int size) {

    public int pageCount() {
      return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
      return page > 1;
    }

    public boolean hasNext() {
      return page < pageCount();
    }
  }

  /** One element instance of a process instance. */
  record ElementRow(
      long key,
      String elementId,
      String name,
      String type,
      String state,
      Instant start,
      Instant end,
      boolean incident) {

    public boolean active() {
      return "ACTIVE".equals(state);
    }

    public boolean completed() {
      return "COMPLETED".equals(state);
    }

    public String stateLabel() {
      if (incident && active()) {
        return "En incident";
      }
      return switch (state) {
        case "ACTIVE" -> "Actif";
        case "COMPLETED" -> "Terminé";
        case "TERMINATED" -> "Interrompu";
        default -> state;
      };
    }
  }

  /** An incident. */
  record IncidentRow(
      long key,
      long processInstanceKey,
      String processId,
      String elementId,
      String errorType,
      String message,
      Instant created,
      Long jobKey,
      boolean open) {

    /** The message's first line (a worker's message may carry a whole stack trace). */
    public String summary() {
      return firstLine(message);
    }

    /** Whether the message says more than its first line. */
    public boolean hasMore() {
      return message != null && !message.strip().equals(summary());
    }
  }

  /** A variable of an instance (its JSON text, masked when its name says it is a secret). */
  record VariableRow(String name, String scope, String value, boolean truncated, boolean masked) {}

  /** Incidents of the same process, element and error. */
  record IncidentGroup(
      String processId,
      String elementId,
      String errorType,
      String message,
      List<IncidentRow> rows,
      long total) {

    public String summary() {
      return firstLine(message);
    }

    public boolean hasMore() {
      return message != null && !message.strip().equals(summary());
    }
  }

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "—";
    }
    String stripped = message.strip();
    int end = stripped.indexOf('\n');
    return (end < 0 ? stripped : stripped.substring(0, end)).strip();
  }

  /** Everything about one process instance. */
  record InstanceDetail(
      InstanceRow instance,
      List<VariableRow> variables,
      List<ElementRow> elements,
      List<IncidentRow> incidents,
      List<String> takenFlows,
      String bpmnXml,
      Long assetId,
      Long campaignId) {

    public List<IncidentRow> openIncidents() {
      return incidents.stream().filter(IncidentRow::open).toList();
    }
  }
}
