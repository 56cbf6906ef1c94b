package fr.secondevie.inventory.workers;

import fr.secondevie.common.JobOperations;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.IllegalStatusTransitionException;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Headers;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code inventory.update-status}: moves the asset to the status of header {@code targetStatus} and
 * returns the variable {@code asset}.
 *
 * <ul>
 *   <li>Already in the target status: nothing changes, no error — except for {@code
 *       DECOMMISSIONING}, where it means another procedure is retiring the asset ({@code
 *       ASSET_NOT_RETIRABLE}); a re-delivered job is recognised by its operation id first.
 *   <li>Unknown asset id: BPMN error {@code ASSET_NOT_FOUND}; a transition the lifecycle refuses
 *       towards {@code DECOMMISSIONING}: {@code ASSET_NOT_RETIRABLE}, both with {@code
 *       inventoryIssueDetail}. Caught at {@code mark-decommissioning} only; elsewhere the error (or
 *       the refused transition, which fails the job) becomes an incident, as the model intends.
 * </ul>
 */
@Component
public class UpdateStatusWorker {

  static final String ACTOR = "worker:" + JobTypes.UPDATE_STATUS;

  private final InventoryService inventory;

  UpdateStatusWorker(InventoryService inventory) {
    this.inventory = inventory;
  }

  @JobWorker(type = JobTypes.UPDATE_STATUS)
  public Map<String, Object> updateStatus(
      ActivatedJob job, @Variable(name = Variables.ASSET_ID) Long assetId) {
    AssetStatus target = targetStatus(job);
    Asset asset = assetId == null ? null : inventory.findById(assetId).orElse(null);
    if (asset == null) {
      throw CamundaError.bpmnError(
          ErrorCodes.ASSET_NOT_FOUND,
          "Unknown asset id " + assetId,
          Map.of(
              Variables.INVENTORY_ISSUE_DETAIL,
              assetId == null
                  ? "Aucun identifiant d'équipement n'a été transmis au processus."
                  : "Aucun équipement n° " + assetId + " dans l'inventaire."));
    }
    if (asset.status() != target || target == AssetStatus.DECOMMISSIONING) {
      try {
        asset =
            inventory
                .changeStatus(
                    new ChangeStatus(
                        asset.inventoryNumber(),
                        target,
                        ACTOR,
                        "Procédure %s, instance %d, étape %s"
                            .formatted(
                                job.getBpmnProcessId(),
                                job.getProcessInstanceKey(),
                                job.getElementId()),
                        null,
                        JobOperations.operationId(job)))
                .asset();
      } catch (IllegalStatusTransitionException e) {
        if (target != AssetStatus.DECOMMISSIONING) {
          throw e;
        }
        throw CamundaError.bpmnError(
            ErrorCodes.ASSET_NOT_RETIRABLE,
            e.getMessage(),
            Map.of(
                Variables.INVENTORY_ISSUE_DETAIL,
                e.from() == AssetStatus.DECOMMISSIONING
                    ? "L'équipement %s est déjà en cours de retrait (une autre procédure le traite)."
                        .formatted(asset.inventoryNumber())
                    : "L'équipement %s est « %s » : il ne peut pas être retiré (seuls les équipements en service ou en stock le peuvent)."
                        .formatted(asset.inventoryNumber(), e.from().label())));
      }
    }
    return Map.of(Variables.ASSET, AssetVariable.of(asset));
  }

  private static AssetStatus targetStatus(ActivatedJob job) {
    String header = job.getCustomHeaders().get(Headers.TARGET_STATUS);
    if (header == null) {
      throw new IllegalStateException(
          "Expected task header " + Headers.TARGET_STATUS + " on " + job.getElementId());
    }
    return AssetStatus.valueOf(header);
  }
}
