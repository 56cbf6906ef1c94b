package fr.secondevie.reconditioning;

import fr.secondevie.processes.AssetEndOfLifeProcess;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link CompletionMessages} through the Camunda Java client. */
@Component
class CamundaCompletionMessages implements CompletionMessages {

  /**
   * The process waits for the message as soon as the order exists; a week covers a completion
   * recorded before the runtime processed the order's job.
   */
  static final Duration TTL = Duration.ofDays(7);

  private final CamundaClient client;

  CamundaCompletionMessages(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void publish(long orderId, long assetId, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(AssetEndOfLifeProcess.Messages.RECONDITIONING_COMPLETED)
          .correlationKey(Long.toString(assetId))
          .messageId("reconditioning-order-" + orderId)
          .timeToLive(TTL)
          .variables(variables)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    } catch (ClientHttpException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }
}
