package fr.secondevie.purchasing;

import fr.secondevie.processes.ReconditionedPurchaseProcess;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link PurchaseProcesses} through the Camunda Java client. */
@Component
class CamundaPurchaseProcesses implements PurchaseProcesses {

  private final CamundaClient client;

  CamundaPurchaseProcesses(CamundaClient client) {
    this.client = client;
  }

  @Override
  public long start(long purchaseRequestId, String requestedBy) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ReconditionedPurchaseProcess.PROCESS_ID)
        .latestVersion()
        .variables(
            Map.of(
                ReconditionedPurchaseProcess.Variables.PURCHASE_REQUEST_ID, purchaseRequestId,
                ReconditionedPurchaseProcess.Variables.REQUESTED_BY, requestedBy))
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
