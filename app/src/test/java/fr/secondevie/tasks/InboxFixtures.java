package fr.secondevie.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** User tasks as the runtime describes them, and the repository's forms. */
final class InboxFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private InboxFixtures() {}

  /** A task builder: an open, unassigned task of asset-end-of-life. */
  static Task task(long key) {
    return new Task(key);
  }

  static final class Task {
    private final long key;
    private String name = "Collecter et inspecter l'équipement";
    private String elementId = "collect-asset";
    private String process = "asset-end-of-life";
    private String processName = "Fin de vie d'un équipement";
    private String state = "CREATED";
    private String assignee;
    private List<String> groups = List.of("TECHNICIAN");
    private List<String> users = List.of();
    private OffsetDateTime due;
    private Integer priority = 50;
    private Long formKey = 9L;
    private String external;
    private long instance = 2251799813685249L;

    Task(long key) {
      this.key = key;
    }

    Task named(String name, String elementId) {
      this.name = name;
      this.elementId = elementId;
      return this;
    }

    Task process(String id, String name) {
      this.process = id;
      this.processName = name;
      return this;
    }

    Task groups(String... groups) {
      this.groups = List.of(groups);
      return this;
    }

    Task users(String... users) {
      this.users = List.of(users);
      return this;
    }

    Task assignee(String assignee) {
      this.assignee = assignee;
      return this;
    }

    Task state(String state) {
      this.state = state;
      return this;
    }

    Task due(OffsetDateTime due) {
      this.due = due;
      return this;
    }

    Task priority(Integer priority) {
      this.priority = priority;
      return this;
    }

    /** The key of the task's process instance. */
    Task instance(long instance) {
      this.instance = instance;
      return this;
    }

    Task withoutForm() {
      this.formKey = null;
      return this;
    }

    Task external(String reference) {
      this.formKey = null;
      this.external = reference;
      return this;
    }

    TaskInfo build() {
      return new TaskInfo(
          key,
          name,
          elementId,
          process,
          processName,
          instance,
          state,
          assignee,
          groups,
          users,
          OffsetDateTime.parse("2025-03-10T08:00:00Z"),
          due,
          null,
          priority,
          formKey,
          external);
    }
  }

  /** The JSON of a form of {@code forms/}, as {@code GET /v2/user-tasks/{key}/form} gives it. */
  static String form(String id) {
    try {
      return Files.readString(Path.of("..", "forms", id + ".form"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON text with numbers normalised, to compare variables. */
  static String json(Object value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(value)).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
