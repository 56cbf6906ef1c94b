package fr.secondevie.recycling;

import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link LotProcesses} through the Camunda Java client (gRPC or REST, as configured). */
@Component
class CamundaLotProcesses implements LotProcesses {

  /** The lot may fill before its process reaches the gateway: keep the message for its 30 days. */
  static final Duration LOT_FULL_TTL = Duration.ofDays(31);

  /** The asset's process waits already; a day covers a slow runtime. */
  static final Duration COMPLETED_TTL = Duration.ofDays(1);

  private static final Logger LOG = LoggerFactory.getLogger(CamundaLotProcesses.class);

  private final CamundaClient client;

  CamundaLotProcesses(CamundaClient client) {
    this.client = client;
  }

  @Override
  public long startLot(long lotId, long adaptedCompanyId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(DismantlingLotProcess.PROCESS_ID)
        .latestVersion()
        .variables(
            Map.of(
                DismantlingLotProcess.Variables.LOT_ID, lotId,
                DismantlingLotProcess.Variables.ADAPTED_COMPANY_ID, adaptedCompanyId))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Override
  public void publishLotFull(long lotId) {
    publish(
        () ->
            client
                .newPublishMessageCommand()
                .messageName(DismantlingLotProcess.Messages.DISMANTLING_LOT_FULL)
                .correlationKey(Long.toString(lotId))
                .messageId("lot-full-" + lotId)
                .timeToLive(LOT_FULL_TTL)
                .send()
                .join(),
        "lot-full-" + lotId);
  }

  @Override
  public void publishDismantlingCompleted(
      long lotId, long assetId, Map<String, Object> dismantling) {
    String messageId = lotId + "-" + assetId;
    publish(
        () ->
            client
                .newPublishMessageCommand()
                .messageName(AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED)
                .correlationKey(Long.toString(assetId))
                .messageId(messageId)
                .timeToLive(COMPLETED_TTL)
                .variables(Map.of(AssetEndOfLifeProcess.Variables.DISMANTLING, dismantling))
                .send()
                .join(),
        messageId);
  }

  /** A message id still buffered is refused: it was published already, which is what we want. */
  private static void publish(Runnable command, String messageId) {
    try {
      command.run();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      LOG.debug("Message {} already published", messageId);
    } catch (ClientHttpException e) {
      if (e.code() != 409) {
        throw e;
      }
      LOG.debug("Message {} already published", messageId);
    }
  }
}
