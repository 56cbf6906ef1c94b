package fr.secondevie.reconditioning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.support.MessageCorrelations;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * ReconditioningCompleted published twice through the real client: the second is refused by the
 * runtime as a duplicate message id, so the asset's process gets it once (counted through the
 * engine's correlations, {@link MessageCorrelations}).
 */
@SpringBootTest
class CamundaCompletionMessagesTests {

  @Autowired CamundaCompletionMessages messages;
  @Autowired CamundaClient client;

  static final Map<String, Object> VARIABLES =
      Map.of(
          "reconditioningResult", "RECONDITIONED", "reconditioningReport", Map.of("costCents", 0));

  @Test
  void shouldPublishTheSameCompletionOnceWhenAskedTwice() {
    // given: an instance that waits twice for the asset's completion
    long orderId = MessageCorrelations.uniqueKey();
    long assetId = MessageCorrelations.uniqueKey();
    MessageCorrelations waiting =
        MessageCorrelations.waitTwice(
            client,
            AssetEndOfLifeProcess.Messages.RECONDITIONING_COMPLETED,
            Long.toString(assetId));

    // when
    messages.publish(orderId, assetId, VARIABLES);
    messages.publish(orderId, assetId, VARIABLES);
    MessageCorrelations.Result result = waiting.publishControlAndAwait();

    // then
    assertThat(result.messageByElement())
        .containsEntry("second", result.controlMessageKey())
        .doesNotContainEntry("first", result.controlMessageKey());
  }
}
