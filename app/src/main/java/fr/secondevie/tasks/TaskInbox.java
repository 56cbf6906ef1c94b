package fr.secondevie.tasks;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox's rules over the runtime: which open tasks a user may work, claiming and releasing
 * them. A task is offered to a user when one of its candidate groups is one of the user's roles,
 * when the user is a candidate user, or when it is assigned to the user.
 */
@Service
public class TaskInbox {

  /** Tasks read per search (one search per role, one for the user). */
  static final int SEARCH_LIMIT = 1_000;

  static final int PAGE_SIZE = 50;

  private static final Comparator<TaskInfo> URGENCY =
      Comparator.comparing((TaskInfo t) -> t.priority() == null ? 50 : t.priority())
          .reversed()
          .thenComparing(TaskInfo::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TaskInfo::creationDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(TaskInfo::key);

  /** Waiting instances read per step. */
  static final int WAITING_LIMIT = 50;

  private static final String ASSET_ID = AssetEndOfLifeProcess.Variables.ASSET_ID;
  private static final String LOT_ID = DismantlingLotProcess.Variables.LOT_ID;

  /**
   * A process step that waits for work done on another page than a task's, offered in the inbox to
   * the roles that do it.
   */
  record WaitingStep(
      String processId,
      String elementId,
      Set<String> roles,
      String title,
      String action,
      Function<Subjects, String> href) {}

  /** The asset or lot of a waiting instance, for the link of its step. */
  record Subjects(Asset asset, Long lotId) {}

  static final List<WaitingStep> WAITING_STEPS =
      List.of(
          new WaitingStep(
              AssetEndOfLifeProcess.PROCESS_ID,
              AssetEndOfLifeProcess.Elements.WAIT_FOR_WIPE_REPORT,
              Set.of("TECHNICIAN", "ADMIN"),
              "Rapport d'effacement attendu",
              "Déposer le rapport d'effacement",
              s ->
                  s.asset() == null
                      ? "/sanitization/reports/new"
                      : UriComponentsBuilder.fromPath("/sanitization/reports/new")
                          .queryParam("inventoryNumber", s.asset().inventoryNumber())
                          .encode()
                          .toUriString()),
          new WaitingStep(
              AssetEndOfLifeProcess.PROCESS_ID,
              AssetEndOfLifeProcess.Elements.WAIT_FOR_RECONDITIONING,
              Set.of("TECHNICIAN", "ASSET_MANAGER", "ADMIN"),
              "Remise en état en cours",
              "Enregistrer la fin de la remise en état (Remises en état)",
              s -> "/reconditioning-orders"),
          new WaitingStep(
              DismantlingLotProcess.PROCESS_ID,
              DismantlingLotProcess.Elements.LOT_CLOSING_GATEWAY,
              Set.of("ASSET_MANAGER", "ADMIN"),
              "Lot de démantèlement ouvert (il se clôt à sa taille ou après 30 jours)",
              "Voir le lot, le clore maintenant",
              s -> s.lotId() == null ? "/dismantling-lots" : "/dismantling-lots/" + s.lotId()));

  private final TaskRuntime runtime;
  private final InventoryService inventory;
  private final Clock clock;

  TaskInbox(TaskRuntime runtime, InventoryService inventory, Clock clock) {
    this.runtime = runtime;
    this.inventory = inventory;
    this.clock = clock;
  }

  /** The open tasks the user may work, filtered, most urgent first. */
  public Inbox list(Viewer viewer, InboxFilter filter) {
    Map<Long, TaskInfo> found = new LinkedHashMap<>();
    boolean truncated = false;
    List<TaskQuery> queries = new ArrayList<>();
    for (String role : viewer.roles()) {
      queries.add(TaskQuery.offeredTo(role, filter.process(), SEARCH_LIMIT));
    }
    queries.add(TaskQuery.offeredToUser(viewer.login(), filter.process(), SEARCH_LIMIT));
    queries.add(TaskQuery.assignedTo(viewer.login(), filter.process(), SEARCH_LIMIT));
    for (TaskQuery query : queries) {
      TaskSearchResult result = runtime.search(query);
      truncated |= result.total() > result.tasks().size();
      for (TaskInfo task : result.tasks()) {
        if (task.isOpen() && viewer.mayWork(task)) {
          found.putIfAbsent(task.key(), task);
        }
      }
    }
    Map<String, String> processes = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    found
        .values()
        .forEach(
            t -> {
              processes.put(t.processDefinitionId(), t.processTitle());
              names.add(t.title());
            });
    List<TaskInfo> matching =
        found.values().stream()
            .filter(t -> filter.task() == null || filter.task().equals(t.title()))
            .filter(
                t ->
                    filter.assignment() == null
                        || ("mine".equals(filter.assignment()) && t.isAssignedTo(viewer.login()))
                        || ("unassigned".equals(filter.assignment()) && !t.isAssigned()))
            .sorted(URGENCY)
            .toList();
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(filter.page(), pages - 1);
    List<TaskInfo> shown =
        matching.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).toList();
    Map<Long, Map<String, Object>> subjects =
        runtime.processVariables(
            shown.stream().map(TaskInfo::processInstanceKey).distinct().toList(),
            List.of(ASSET_ID, LOT_ID));
    List<Inbox.Row> rows =
        shown.stream()
            .map(
                t ->
                    new Inbox.Row(
                        t,
                        overdue(t),
                        t.isAssignedTo(viewer.login()),
                        subject(subjects(subjects.get(t.processInstanceKey())))))
            .toList();
    List<Inbox.Choice> processChoices = new ArrayList<>();
    processes.forEach((id, title) -> processChoices.add(new Inbox.Choice(id, title)));
    processChoices.sort(Comparator.comparing(Inbox.Choice::label));
    return new Inbox(
        rows,
        matching.size(),
        page,
        pages,
        processChoices,
        List.copyOf(names),
        truncated,
        waiting(viewer));
  }

  /** The waiting steps of the user's roles, oldest first within each step. */
  List<Inbox.WaitingRow> waiting(Viewer viewer) {
    List<Inbox.WaitingRow> rows = new ArrayList<>();
    for (WaitingStep step : WAITING_STEPS) {
      if (step.roles().stream().noneMatch(viewer.roles()::contains)) {
        continue;
      }
      List<TaskRuntime.Waiting> waiting =
          runtime.waitingAt(step.processId(), step.elementId(), WAITING_LIMIT);
      if (waiting.isEmpty()) {
        continue;
      }
      Map<Long, Map<String, Object>> variables =
          runtime.processVariables(
              waiting.stream().map(TaskRuntime.Waiting::processInstanceKey).toList(),
              List.of(ASSET_ID, LOT_ID));
      for (TaskRuntime.Waiting w : waiting) {
        Subjects subjects = subjects(variables.get(w.processInstanceKey()));
        rows.add(
            new Inbox.WaitingRow(
                step.title(),
                subject(subjects),
                w.since(),
                step.action(),
                step.href().apply(subjects)));
      }
    }
    return rows;
  }

  private Subjects subjects(Map<String, Object> variables) {
    if (variables == null) {
      return new Subjects(null, null);
    }
    Long assetId = id(variables.get(ASSET_ID));
    Optional<Asset> asset = assetId == null ? Optional.empty() : inventory.findById(assetId);
    return new Subjects(asset.orElse(null), id(variables.get(LOT_ID)));
  }

  private static Inbox.Subject subject(Subjects subjects) {
    if (subjects.asset() != null) {
      Asset a = subjects.asset();
      return new Inbox.Subject(
          a.inventoryNumber() + (a.category() == null ? "" : " (" + a.category().label() + ")"),
          "/assets/" + a.id());
    }
    if (subjects.lotId() != null) {
      return new Inbox.Subject(
          "Lot n° " + subjects.lotId(), "/dismantling-lots/" + subjects.lotId());
    }
    return null;
  }

  private static Long id(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).longValue();
    }
    if (value instanceof String text && text.matches("\\d{1,18}")) {
      return Long.parseLong(text);
    }
    return null;
  }

  /** Whether the task is past its due date. */
  public boolean overdue(TaskInfo task) {
    return task.dueDate() != null && task.dueDate().toInstant().isBefore(clock.instant());
  }

  /**
   * The task, if the user may work it.
   *
   * @throws AccessDeniedException when the user is not a candidate (HTTP 403)
   * @throws TaskRuntimeException when the runtime does not know it
   */
  public TaskInfo workable(Viewer viewer, long key) {
    TaskInfo task = runtime.get(key);
    if (!viewer.mayWork(task)) {
      throw new AccessDeniedException(
          "La tâche " + key + " n'est pas proposée à " + viewer.login());
    }
    return task;
  }

  /**
   * Assigns the task to the user.
   *
   * @throws InboxRefusal when the task is closed or assigned to someone else
   */
  public TaskInfo claim(Viewer viewer, long key) {
    TaskInfo task = workable(viewer, key);
    requireOpen(task);
    if (task.isAssignedTo(viewer.login())) {
      return task;
    }
    if (task.isAssigned()) {
      throw new InboxRefusal(
          "Cette tâche est déjà assignée à " + task.assignee() + " : demandez-lui de la libérer.");
    }
    runtime.assign(key, viewer.login());
    return task;
  }

  /**
   * Releases the user's task.
   *
   * @throws InboxRefusal when the task is closed or not assigned to the user
   */
  public TaskInfo unclaim(Viewer viewer, long key) {
    TaskInfo task = workable(viewer, key);
    requireOpen(task);
    if (!task.isAssignedTo(viewer.login())) {
      throw new InboxRefusal(
          task.isAssigned()
              ? "Seule la personne à qui la tâche est assignée ("
                  + task.assignee()
                  + ") peut la libérer."
              : "Cette tâche n'est assignée à personne.");
    }
    runtime.unassign(key);
    return task;
  }

  /**
   * Completes the task with the variables and {@code completedBy} (the user, for the custody
   * entries and documents of the task's follow-up: {@link CompletedBy}), assigning it first to the
   * user when nobody has it (so the runtime records who did it).
   *
   * @throws InboxRefusal when the task is closed or assigned to someone else
   */
  public void complete(Viewer viewer, TaskInfo task, Map<String, Object> variables) {
    requireOpen(task);
    requireNotAssignedToAnother(viewer, task);
    if (!task.isAssigned()) {
      runtime.assign(task.key(), viewer.login());
    }
    Map<String, Object> completion = new LinkedHashMap<>(variables);
    completion.put(
        CompletedBy.VARIABLE,
        new CompletedBy(viewer.login(), viewer.displayName(), task.elementId()).asVariable());
    runtime.complete(task.key(), completion);
  }

  /** Refuses work on a task someone else holds. */
  public void requireNotAssignedToAnother(Viewer viewer, TaskInfo task) {
    if (task.isAssigned() && !task.isAssignedTo(viewer.login())) {
      throw new InboxRefusal(
          "Cette tâche est assignée à "
              + task.assignee()
              + " : seule cette personne peut la terminer, ou la libérer pour vous.");
    }
  }

  static void requireOpen(TaskInfo task) {
    if (!task.isOpen()) {
      throw new InboxRefusal(
          Objects.equals(task.state(), "COMPLETED")
              ? "Cette tâche a déjà été terminée."
              : "Cette tâche n'est plus ouverte (état : " + task.state() + ").");
    }
  }

  /** A request the inbox refuses, with the French reason shown to the user. */
  public static class InboxRefusal extends RuntimeException {
    public InboxRefusal(String message) {
      super(message);
    }
  }
}
