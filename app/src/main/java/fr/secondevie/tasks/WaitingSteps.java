package fr.secondevie.tasks;

import static fr.secondevie.tasks.TaskSubjects.ASSET_ID;
import static fr.secondevie.tasks.TaskSubjects.LOT_ID;
import static fr.secondevie.tasks.TaskSubjects.id;

import fr.secondevie.inventory.AssetSummary;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The process steps that wait for work done on another page than a task's (a wipe report, the end
 * of a reconditioning, a lot to close), listed in the inbox to the roles that do it.
 */
@Component
class WaitingSteps {

  /** Waiting instances read per step. */
  static final int WAITING_LIMIT = 50;

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
  private final TaskSubjects subjects;

  WaitingSteps(TaskRuntime runtime, TaskSubjects subjects) {
    this.runtime = runtime;
    this.subjects = subjects;
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
      Map<Long, AssetSummary> assets = subjects.assets(variables.values());
      for (TaskRuntime.Waiting w : waiting) {
        Map<String, Object> v = variables.getOrDefault(w.processInstanceKey(), Map.of());
        Long assetId = id(v.get(ASSET_ID));
        Subjects about =
            new Subjects(assetId == null ? null : assets.get(assetId), id(v.get(LOT_ID)));
        rows.add(
            new Inbox.WaitingRow(
                step.title(),
                TaskSubjects.subject(about.asset(), about.lotId()),
                w.since(),
                step.action(),
                step.href().apply(about)));
      }
    }
    return rows;
  }
}
