package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The messages of the recycling route published through the real Camunda client to the test JVM's
 * engine: a second publication with the same message id is refused by the runtime while the first
 * is buffered, which the adapter takes as "already published".
 */
@SpringBootTest
class CamundaLotProcessesTests {

  @Autowired CamundaLotProcesses processes;

  @Test
  void shouldPublishLotFullTwiceWithoutFailing() {
    long lotId = System.nanoTime();

    assertThatCode(
            () -> {
              processes.publishLotFull(lotId);
              processes.publishLotFull(lotId);
            })
        .doesNotThrowAnyException();
  }

  @Test
  void shouldPublishDismantlingCompletedTwiceWithoutFailing() {
    long assetId = System.nanoTime();
    Map<String, Object> dismantling =
        Map.of("lotId", 1L, "wasteTrackingNumber", "BSD-20260310-A1B2C3D4E");

    assertThatCode(
            () -> {
              processes.publishDismantlingCompleted(1L, assetId, dismantling);
              processes.publishDismantlingCompleted(1L, assetId, dismantling);
            })
        .doesNotThrowAnyException();
  }
}
