package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event-based gateways: the first of the message, timer or signal events after the gateway that
 * happens wins, the others can no longer happen. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/.
 */
class EventBasedGatewayTest extends ConformanceTest {

  private static BpmnModelInstance race(String processId, String message, String signal) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .eventBasedGateway("race")
        .intermediateCatchEvent(
            "full", c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("lotId")))
        .endEvent("closed-full")
        .moveToNode("race")
        .intermediateCatchEvent("expired", c -> c.timerWithDuration("P30D"))
        .endEvent("closed-expired")
        .moveToNode("race")
        .intermediateCatchEvent("recalled", c -> c.signal(signal))
        .endEvent("closed-recalled")
        .done();
  }

  @Test
  void shouldLeaveByMessageWhenItArrivesFirst() {
    // given
    String processId = unique("race-message");
    String message = unique("LotFull");
    deploy(race(processId, message, unique("Recall")));
    long key = start(processId, Map.of("lotId", "L-1")).getProcessInstanceKey();
    awaitElement(key, "race", "ACTIVE");

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("L-1")
        .variables(Map.of("units", 40))
        .send()
        .join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED"))
        .contains("race", "full", "closed-full")
        .doesNotContain("expired", "recalled");
    assertThat(variables(key)).containsEntry("units", 40L);
  }

  @Test
  void shouldLeaveByTimerAndIgnoreLaterEvents() {
    // given
    String processId = unique("race-timer");
    String message = unique("LotFull");
    deploy(race(processId, message, unique("Recall")));
    long key = start(processId, Map.of("lotId", "L-2")).getProcessInstanceKey();
    awaitElement(key, "race", "ACTIVE");

    // when
    EngineExtension.CLOCK.add(Duration.ofDays(31));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("expired", "closed-expired");
    client.newPublishMessageCommand().messageName(message).correlationKey("L-2").send().join();
    assertThat(elements(key, "COMPLETED")).doesNotContain("full");
  }

  @Test
  void shouldLeaveBySignal() {
    // given
    String processId = unique("race-signal");
    String signal = unique("Recall");
    deploy(race(processId, unique("LotFull"), signal));
    long key = start(processId, Map.of("lotId", "L-3")).getProcessInstanceKey();
    awaitElement(key, "race", "ACTIVE");

    // when
    client.newBroadcastSignalCommand().signalName(signal).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("recalled", "closed-recalled");
  }
}
