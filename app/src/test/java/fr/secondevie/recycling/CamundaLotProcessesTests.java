package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import fr.secondevie.support.MessageCorrelations;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The messages of the recycling route published through the real Camunda client to the test JVM's
 * engine: a second publication with the same message id is refused by the runtime while the first
 * is buffered, which the adapter takes as "already published". The number of publications is
 * counted through the engine's correlations ({@link MessageCorrelations}).
 */
@SpringBootTest
class CamundaLotProcessesTests {

  @Autowired CamundaLotProcesses processes;
  @Autowired CamundaClient client;

  @Test
  void shouldPublishLotFullOnceWhenAskedTwice() {
    // given: an instance that waits twice for the lot's message
    long lotId = MessageCorrelations.uniqueKey();
    MessageCorrelations waiting =
        MessageCorrelations.waitTwice(
            client, DismantlingLotProcess.Messages.DISMANTLING_LOT_FULL, Long.toString(lotId));

    // when
    processes.publishLotFull(lotId);
    processes.publishLotFull(lotId);
    MessageCorrelations.Result result = waiting.publishControlAndAwait();

    // then: one publication, the second wait got the control message
    assertThat(result.messageByElement())
        .containsEntry("second", result.controlMessageKey())
        .doesNotContainEntry("first", result.controlMessageKey());
  }

  @Test
  void shouldPublishDismantlingCompletedOnceWhenAskedTwice() {
    // given
    long assetId = MessageCorrelations.uniqueKey();
    MessageCorrelations waiting =
        MessageCorrelations.waitTwice(
            client, AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, Long.toString(assetId));
    Map<String, Object> dismantling =
        Map.of("lotId", 1L, "wasteTrackingNumber", "BSD-20260310-A1B2C3D4E");

    // when
    processes.publishDismantlingCompleted(1L, assetId, dismantling);
    processes.publishDismantlingCompleted(1L, assetId, dismantling);
    MessageCorrelations.Result result = waiting.publishControlAndAwait();

    // then
    assertThat(result.messageByElement())
        .containsEntry("second", result.controlMessageKey())
        .doesNotContainEntry("first", result.controlMessageKey());
  }

  @Test
  void shouldPublishTwoCompletionsOfOneAssetFromTwoLots() {
    // given: the control case, two different message ids for the same asset
    long assetId = MessageCorrelations.uniqueKey();
    MessageCorrelations waiting =
        MessageCorrelations.waitTwice(
            client, AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, Long.toString(assetId));
    Map<String, Object> dismantling =
        Map.of("lotId", 1L, "wasteTrackingNumber", "BSD-20260310-A1B2C3D4E");

    // when
    processes.publishDismantlingCompleted(1L, assetId, dismantling);
    processes.publishDismantlingCompleted(2L, assetId, dismantling);
    MessageCorrelations.Result result = waiting.publishControlAndAwait();

    // then: both were published, the control message found no wait left
    assertThat(result.messageByElement()).doesNotContainValue(result.controlMessageKey());
  }
}
