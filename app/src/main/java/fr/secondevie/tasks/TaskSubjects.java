package fr.secondevie.tasks;

import fr.secondevie.inventory.AssetSummary;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What the processes of tasks are about: their asset (with its place) or lot, and their campaign,
 * read from their variables in batches, never one call per task.
 */
@Component
class TaskSubjects {

  /** Process instances whose variables are read per search. */
  static final int VARIABLES_BATCH = 200;

  static final String ASSET_ID = AssetEndOfLifeProcess.Variables.ASSET_ID;
  static final String LOT_ID = DismantlingLotProcess.Variables.LOT_ID;
  static final String CAMPAIGN_ID = AssetEndOfLifeProcess.Variables.CAMPAIGN_ID;
  static final List<String> SUBJECT_VARIABLES = List.of(ASSET_ID, LOT_ID, CAMPAIGN_ID);

  /** What a process is about: its asset (with its place) or lot, and its campaign. */
  record About(Inbox.Subject subject, AssetSummary asset, Long campaignId) {
    static final About NOTHING = new About(null, null, null);
  }

  private final TaskRuntime runtime;
  private final InventoryService inventory;

  TaskSubjects(TaskRuntime runtime, InventoryService inventory) {
    this.runtime = runtime;
    this.inventory = inventory;
  }

  /**
   * What the processes of these tasks are about, read in batches: their variables by a few
   * searches, their assets by one inventory query per thousand, never one call per task.
   */
  Map<Long, About> about(List<TaskInfo> tasks) {
    List<Long> instances = tasks.stream().map(TaskInfo::processInstanceKey).distinct().toList();
    Map<Long, Map<String, Object>> variables = new HashMap<>();
    for (int from = 0; from < instances.size(); from += VARIABLES_BATCH) {
      variables.putAll(
          runtime.processVariables(
              instances.subList(from, Math.min(instances.size(), from + VARIABLES_BATCH)),
              SUBJECT_VARIABLES));
    }
    Map<Long, AssetSummary> assets = assets(variables.values());
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
  Inbox.Subject subjectOf(TaskInfo task) {
    return about(List.of(task)).getOrDefault(task.processInstanceKey(), About.NOTHING).subject();
  }

  /** The assets the variables of some processes name, by one inventory query. */
  Map<Long, AssetSummary> assets(Collection<Map<String, Object>> variables) {
    return inventory.summaries(
        variables.stream()
            .map(v -> id(v.get(ASSET_ID)))
            .filter(Objects::nonNull)
            .distinct()
            .toList());
  }

  /** The asset or else the lot a process is about, as a link, or null. */
  static Inbox.Subject subject(AssetSummary asset, Long lotId) {
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

  /** An id variable, a number or its digits, or null. */
  static Long id(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).longValue();
    }
    if (value instanceof String text && text.matches("\\d{1,18}")) {
      return Long.parseLong(text);
    }
    return null;
  }
}
