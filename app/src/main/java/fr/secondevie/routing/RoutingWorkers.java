package fr.secondevie.routing;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.JobOperations;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryCommands.AssignRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code routing.assess-asset} and {@code routing.record-route}. */
@Component
public class RoutingWorkers {

  /** The inventory keeps 1,000 characters of reason, prefix included. */
  static final int MAX_REASON = 950;

  private final AssessmentService assessments;
  private final InventoryService inventory;

  RoutingWorkers(AssessmentService assessments, InventoryService inventory) {
    this.assessments = assessments;
    this.inventory = inventory;
  }

  /** In: {@code assetId}. Out: {@code assessment}. Reads only, hence idempotent. */
  @JobWorker(type = JobTypes.ASSESS_ASSET)
  public Map<String, Object> assess(@Variable(name = Variables.ASSET_ID) Long assetId) {
    if (assetId == null) {
      throw new IllegalArgumentException("Expected variable assetId but it is missing");
    }
    return Map.of(Variables.ASSESSMENT, assessments.assess(assetId));
  }

  /**
   * In: {@code assetId}, {@code route}, {@code routeReason}, {@code routeArbitrated}. Records the
   * route in the inventory with a custody entry (ROUTE_ASSIGNED). A route other than the four of
   * the inventory fails the job: the model's gateway has no default either. An arbitrated route is
   * credited to the person who completed {@code arbitrate-route} in the inbox ({@link
   * CompletedBy}); the variable is then cleared.
   */
  @JobWorker(type = JobTypes.RECORD_ROUTE)
  public Map<String, Object> recordRoute(
      ActivatedJob job,
      @Variable(name = Variables.ASSET_ID) Long assetId,
      @Variable(name = Variables.ROUTE) String route,
      @Variable(name = Variables.ROUTE_REASON, optional = true) String routeReason,
      @Variable(name = Variables.ROUTE_ARBITRATED, optional = true) Boolean routeArbitrated) {
    if (assetId == null) {
      throw new IllegalArgumentException("Expected variable assetId but it is missing");
    }
    DispositionRoute decided;
    try {
      decided = DispositionRoute.valueOf(route);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Expected route INTERNAL_REUSE, DONATION, RECONDITION or RECYCLE but got " + route, e);
    }
    String asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + assetId + " dans l'inventaire"))
            .inventoryNumber();
    String reason = routeReason == null || routeReason.isBlank() ? "" : routeReason.strip();
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
    inventory.assignRoute(
        new AssignRoute(
            asset,
            decided,
            (Boolean.TRUE.equals(routeArbitrated) ? "arbitrage" : "décision asset-route")
                + (reason.isEmpty() ? "" : " : " + reason),
            Boolean.TRUE.equals(routeArbitrated)
                ? CompletedBy.actor(job, Elements.ARBITRATE_ROUTE, "worker:" + job.getType())
                : "worker:" + job.getType(),
            JobOperations.operationId(job)));
    return CompletedBy.cleared();
  }
}
