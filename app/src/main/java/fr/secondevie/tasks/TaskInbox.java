package fr.secondevie.tasks;

import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.common.CompletedBy;
import fr.secondevie.inventory.AssetSummary;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  /** Camunda's default priority: a task nobody prioritised. */
  static final int DEFAULT_PRIORITY = 50;

  /** Process instances whose variables are read per search. */
  static final int VARIABLES_BATCH = 200;

  private static final Comparator<TaskInfo> URGENCY =
      Comparator.comparing((TaskInfo t) -> t.priority() == null ? DEFAULT_PRIORITY : t.priority())
          .reversed()
          .thenComparing(TaskInfo::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TaskInfo::creationDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(TaskInfo::key);

  /** Waiting instances read per step. */
  static final int WAITING_LIMIT = 50;

  private final ExecutorService searches =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "task-searches");
            t.setDaemon(true);
            return t;
          });

  private static final String ASSET_ID = AssetEndOfLifeProcess.Variables.ASSET_ID;
  private static final String LOT_ID = DismantlingLotProcess.Variables.LOT_ID;
  private static final String CAMPAIGN_ID = AssetEndOfLifeProcess.Variables.CAMPAIGN_ID;
  static final List<String> SUBJECT_VARIABLES = List.of(ASSET_ID, LOT_ID, CAMPAIGN_ID);

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
  record Subjects(AssetSummary asset, Long lotId) {}

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
  private final CampaignService campaigns;
  private final Clock clock;

  TaskInbox(
      TaskRuntime runtime, InventoryService inventory, CampaignService campaigns, Clock clock) {
    this.runtime = runtime;
    this.inventory = inventory;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /** The open tasks the user may work, filtered, in the order asked (most urgent first). */
  public Inbox list(Viewer viewer, InboxFilter filter) {
    Offered offered = offered(viewer, filter.process());
    Map<String, String> processes = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    offered
        .tasks()
        .forEach(
            t -> {
              processes.put(t.processDefinitionId(), t.processTitle());
              names.add(t.title());
            });
    List<TaskInfo> candidates =
        offered.tasks().stream()
            .filter(t -> filter.task() == null || filter.task().equals(t.title()))
            .filter(
                t ->
                    filter.assignment() == null
                        || ("mine".equals(filter.assignment()) && t.isAssignedTo(viewer.login()))
                        || ("unassigned".equals(filter.assignment()) && !t.isAssigned()))
            .toList();
    Map<Long, About> about = about(candidates);
    TreeSet<String> sites = new TreeSet<>();
    Set<Long> campaignIds = new TreeSet<>();
    about
        .values()
        .forEach(
            a -> {
              if (a.asset() != null && a.asset().site() != null) {
                sites.add(a.asset().site());
              }
              if (a.campaignId() != null) {
                campaignIds.add(a.campaignId());
              }
            });
    List<Inbox.Row> matching =
        candidates.stream()
            .map(
                t -> {
                  About a = about.getOrDefault(t.processInstanceKey(), About.NOTHING);
                  return new Inbox.Row(
                      t, overdue(t), t.isAssignedTo(viewer.login()), a.subject(), a.asset());
                })
            .filter(
                r ->
                    filter.site() == null
                        || r.asset() != null && filter.site().equals(r.asset().site()))
            .filter(
                r ->
                    filter.campaign() == null
                        || filter
                            .campaign()
                            .equals(
                                about
                                    .getOrDefault(r.task().processInstanceKey(), About.NOTHING)
                                    .campaignId()))
            .filter(
                r ->
                    filter.asset() == null
                        || r.asset() != null
                            && r.asset()
                                .inventoryNumber()
                                .toLowerCase(Locale.ROOT)
                                .contains(filter.asset().toLowerCase(Locale.ROOT)))
            .sorted(order(filter.sort()))
            .toList();
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(filter.page(), pages - 1);
    List<Inbox.Row> rows =
        matching.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).toList();
    List<Inbox.Choice> processChoices = new ArrayList<>();
    processes.forEach((id, title) -> processChoices.add(new Inbox.Choice(id, title)));
    processChoices.sort(Comparator.comparing(Inbox.Choice::label));
    List<Inbox.Choice> campaignChoices = new ArrayList<>();
    for (Long id : campaignIds) {
      campaignChoices.add(
          new Inbox.Choice(
              id.toString(), campaigns.find(id).map(c -> c.name()).orElse("Campagne n° " + id)));
    }
    return new Inbox(
        rows,
        matching.size(),
        page,
        pages,
        processChoices,
        List.copyOf(names),
        List.copyOf(sites),
        campaignChoices,
        offered.truncated(),
        waiting(viewer));
  }

  /** How many open tasks the user may work (the menu's counter). */
  public int count(Viewer viewer) {
    return offered(viewer, null).tasks().size();
  }

  /** The open tasks offered to the user, read once per role and once per login. */
  private record Offered(List<TaskInfo> tasks, boolean truncated) {}

  private Offered offered(Viewer viewer, String process) {
    Map<Long, TaskInfo> found = new LinkedHashMap<>();
    boolean truncated = false;
    List<TaskQuery> queries = new ArrayList<>();
    for (String role : viewer.roles()) {
      queries.add(TaskQuery.offeredTo(role, process, SEARCH_LIMIT));
    }
    queries.add(TaskQuery.offeredToUser(viewer.login(), process, SEARCH_LIMIT));
    queries.add(TaskQuery.assignedTo(viewer.login(), process, SEARCH_LIMIT));
    for (TaskSearchResult result : searchAll(queries)) {
      truncated |= result.total() > result.tasks().size();
      for (TaskInfo task : result.tasks()) {
        if (task.isOpen() && viewer.mayWork(task)) {
          found.putIfAbsent(task.key(), task);
        }
      }
    }
    return new Offered(List.copyOf(found.values()), truncated);
  }

  /**
   * The searches sent together (the menu's counter runs three or more on every page): the first in
   * this thread, the others on {@link #searches}; results in the order of the queries, the first
   * failure thrown as the runtime threw it.
   */
  private List<TaskSearchResult> searchAll(List<TaskQuery> queries) {
    List<CompletableFuture<TaskSearchResult>> others = new ArrayList<>();
    for (TaskQuery query : queries.subList(1, queries.size())) {
      others.add(CompletableFuture.supplyAsync(() -> runtime.search(query), searches));
    }
    List<TaskSearchResult> results = new ArrayList<>();
    results.add(runtime.search(queries.get(0)));
    for (CompletableFuture<TaskSearchResult> other : others) {
      try {
        results.add(other.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
    return results;
  }

  @PreDestroy
  void stopSearches() {
    searches.shutdownNow();
  }

  /** What a process is about: its asset (with its place) or lot, and its campaign. */
  private record About(Inbox.Subject subject, AssetSummary asset, Long campaignId) {
    static final About NOTHING = new About(null, null, null);
  }

  /**
   * What the processes of these tasks are about, read in batches: their variables by a few
   * searches, their assets by one inventory query per thousand, never one call per task.
   */
  private Map<Long, About> about(List<TaskInfo> tasks) {
    List<Long> instances = tasks.stream().map(TaskInfo::processInstanceKey).distinct().toList();
    Map<Long, Map<String, Object>> variables = new HashMap<>();
    for (int from = 0; from < instances.size(); from += VARIABLES_BATCH) {
      variables.putAll(
          runtime.processVariables(
              instances.subList(from, Math.min(instances.size(), from + VARIABLES_BATCH)),
              SUBJECT_VARIABLES));
    }
    Map<Long, AssetSummary> assets =
        inventory.summaries(
            variables.values().stream()
                .map(v -> id(v.get(ASSET_ID)))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    Map<Long, About> about = new HashMap<>();
    variables.forEach(
        (instance, v) -> {
          Long assetId = id(v.get(ASSET_ID));
          AssetSummary asset = assetId == null ? null : assets.get(assetId);
          Long lotId = id(v.get(LOT_ID));
          about.put(instance, new About(subject(asset, lotId), asset, id(v.get(CAMPAIGN_ID))));
        });
    return about;
  }

  /** What the task is about, for a message naming it (its asset or lot), or null. */
  public Inbox.Subject subjectOf(TaskInfo task) {
    return about(List.of(task)).getOrDefault(task.processInstanceKey(), About.NOTHING).subject();
  }

  private static Comparator<Inbox.Row> order(String sort) {
    Comparator<Inbox.Row> urgency = Comparator.comparing(Inbox.Row::task, URGENCY);
    if ("due".equals(sort)) {
      return Comparator.comparing(
              (Inbox.Row r) -> r.task().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(urgency);
    }
    if ("created".equals(sort)) {
      return Comparator.comparing(
              (Inbox.Row r) -> r.task().creationDate(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(urgency);
    }
    if ("site".equals(sort)) {
      Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
      return Comparator.comparing(
              (Inbox.Row r) -> r.asset() == null ? null : r.asset().site(), text)
          .thenComparing(r -> r.asset() == null ? null : r.asset().place(), text)
          .thenComparing(r -> r.asset() == null ? null : r.asset().inventoryNumber(), text)
          .thenComparing(urgency);
    }
    return urgency;
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
      Map<Long, AssetSummary> assets =
          inventory.summaries(
              variables.values().stream()
                  .map(v -> id(v.get(ASSET_ID)))
                  .filter(Objects::nonNull)
                  .distinct()
                  .toList());
      for (TaskRuntime.Waiting w : waiting) {
        Map<String, Object> v = variables.getOrDefault(w.processInstanceKey(), Map.of());
        Long assetId = id(v.get(ASSET_ID));
        Subjects subjects =
            new Subjects(assetId == null ? null : assets.get(assetId), id(v.get(LOT_ID)));
        rows.add(
            new Inbox.WaitingRow(
                step.title(),
                subject(subjects.asset(), subjects.lotId()),
                w.since(),
                step.action(),
                step.href().apply(subjects)));
      }
    }
    return rows;
  }

  private static Inbox.Subject subject(AssetSummary asset, Long lotId) {
    if (asset != null) {
      return new Inbox.Subject(
          asset.inventoryNumber()
              + (asset.category() == null ? "" : " (" + asset.category().label() + ")"),
          "/assets/" + asset.id());
    }
    if (lotId != null) {
      return new Inbox.Subject("Lot n° " + lotId, "/dismantling-lots/" + lotId);
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
