package fr.secondevie.reconditioning;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** ReconditioningCompleted published twice through the real client: the second is harmless. */
@SpringBootTest
class CamundaCompletionMessagesTests {

  @Autowired CamundaCompletionMessages messages;

  @Test
  void shouldPublishTheSameCompletionTwiceWithoutFailing() {
    long orderId = System.nanoTime();
    Map<String, Object> variables =
        Map.of(
            "reconditioningResult",
            "RECONDITIONED",
            "reconditioningReport",
            Map.of("costCents", 0));

    assertThatCode(
            () -> {
              messages.publish(orderId, 42L, variables);
              messages.publish(orderId, 42L, variables);
            })
        .doesNotThrowAnyException();
  }
}
