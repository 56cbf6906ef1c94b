package fr.secondevie.reconditioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.JobOperations;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/**
 * Job worker {@code reconditioning.create-order} of {@code asset-end-of-life}. *
 *
 * <p>Public, with public worker methods: the Camunda starter invokes them by reflection and does
 * not override access checks.
 */
@Component
public class ReconditioningWorkers {

  private final ReconditioningService service;

  ReconditioningWorkers(ReconditioningService service) {
    this.service = service;
  }

  /** {@code inspection}, from form {@code collect-asset}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Inspection(String conditionGrade, Boolean functional) {}

  /** {@code reconditioningOrder}. */
  record OrderVariable(
      String orderId, Channel channel, long reconditionerId, String reconditionerName) {}

  record Output(OrderVariable reconditioningOrder) {}

  @JobWorker(type = JobTypes.CREATE_RECONDITIONING_ORDER)
  public Output createOrder(
      ActivatedJob job,
      @Variable(name = "assetId") Long assetId,
      @Variable(name = "route") String route,
      @Variable(name = "inspection", optional = true) Inspection inspection) {
    try {
      ReconditioningOrder order =
          service.createOrder(
              assetId,
              route,
              inspection == null ? null : inspection.conditionGrade(),
              inspection == null ? null : inspection.functional(),
              JobOperations.operationId(job));
      return new Output(
          new OrderVariable(
              order.number(), order.channel(), order.reconditionerId(), order.reconditionerName()));
    } catch (ReconditioningService.NoReconditionerAvailable e) {
      throw CamundaError.bpmnError(ErrorCodes.NO_RECONDITIONER_AVAILABLE, e.getMessage());
    }
  }
}
