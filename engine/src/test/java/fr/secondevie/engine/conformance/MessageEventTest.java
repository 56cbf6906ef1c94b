package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Message catch events, receive tasks, boundary and start events, buffering, time-to-live and
 * message id uniqueness. Checks https://docs.camunda.io/docs/components/concepts/messages/ and
 * https://docs.camunda.io/docs/components/modeler/bpmn/message-events/.
 */
class MessageEventTest extends ConformanceTest {

  private static BpmnModelInstance waitingFor(String processId, String message) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent(
            "wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
        .endEvent()
        .done();
  }

  private void publish(String name, String key, Duration ttl, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(key)
        .timeToLive(ttl)
        .variables(variables)
        .send()
        .join();
  }

  private long instancesOf(String processId) {
    return processInstancesOf(processId).size();
  }

  @Test
  void shouldCorrelateByNameAndKeyAndMergeVariables() {
    // given
    String processId = unique("msg-catch");
    String message = unique("Paid");
    deploy(waitingFor(processId, message));
    long first = start(processId, Map.of("orderId", "o-1")).getProcessInstanceKey();
    long second = start(processId, Map.of("orderId", "o-2")).getProcessInstanceKey();
    awaitElement(second, "wait", "ACTIVE");

    // when
    publish(message, "o-2", Duration.ZERO, Map.of("amount", 12));

    // then
    awaitCompleted(second);
    assertThat(variables(second)).containsEntry("amount", 12L);
    assertThat(elements(first, "ACTIVE")).contains("wait");
    assertThat(
            client
                .newCorrelatedMessageSubscriptionSearchRequest()
                .filter(f -> f.messageName(message))
                .send()
                .join()
                .items())
        .singleElement()
        .satisfies(c -> assertThat(c.getProcessInstanceKey()).isEqualTo(second));
  }

  @Test
  void shouldCorrelateNumericCorrelationKey() {
    String processId = unique("msg-number");
    String message = unique("Numbered");
    deploy(waitingFor(processId, message));
    long key = start(processId, Map.of("orderId", 42)).getProcessInstanceKey();
    awaitElement(key, "wait", "ACTIVE");

    publish(message, "42", Duration.ZERO, Map.of());

    awaitCompleted(key);
  }

  @Test
  void shouldBufferMessageUntilSubscriptionOpens() {
    String processId = unique("msg-buffer");
    String message = unique("Early");
    deploy(waitingFor(processId, message));

    publish(message, "k", Duration.ofMinutes(5), Map.of("early", true));
    long key = start(processId, Map.of("orderId", "k")).getProcessInstanceKey();

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("early", true);
  }

  @Test
  void shouldNotBufferMessageWithoutTimeToLive() {
    String processId = unique("msg-no-ttl");
    String message = unique("Lost");
    deploy(waitingFor(processId, message));

    publish(message, "k", Duration.ZERO, Map.of());
    long key = start(processId, Map.of("orderId", "k")).getProcessInstanceKey();

    awaitElement(key, "wait", "ACTIVE");
    await().during(Duration.ofMillis(300)).until(() -> elements(key, "ACTIVE").contains("wait"));
  }

  @Test
  void shouldDropBufferedMessageAfterTimeToLive() {
    String processId = unique("msg-expired");
    String message = unique("Stale");
    deploy(waitingFor(processId, message));
    publish(message, "k", Duration.ofMinutes(1), Map.of());

    EngineExtension.CLOCK.add(Duration.ofMinutes(2));
    long key = start(processId, Map.of("orderId", "k")).getProcessInstanceKey();

    awaitElement(key, "wait", "ACTIVE");
    await().during(Duration.ofMillis(300)).until(() -> elements(key, "ACTIVE").contains("wait"));
  }

  @Test
  void shouldRejectDuplicateMessageIdWhileBuffered() {
    String message = unique("Once");
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("k")
        .messageId("id-1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();

    assertThatThrownBy(
            () ->
                client
                    .newPublishMessageCommand()
                    .messageName(message)
                    .correlationKey("k")
                    .messageId("id-1")
                    .timeToLive(Duration.ofMinutes(1))
                    .send()
                    .join())
        .satisfies(e -> assertStatus(e, Status.Code.ALREADY_EXISTS))
        .hasMessageContaining("id-1");
  }

  @Test
  void shouldCorrelateOncePerProcessId() {
    String processId = unique("msg-once");
    String message = unique("Shared");
    deploy(waitingFor(processId, message));
    long first = start(processId, Map.of("orderId", "same")).getProcessInstanceKey();
    long second = start(processId, Map.of("orderId", "same")).getProcessInstanceKey();
    awaitElement(second, "wait", "ACTIVE");

    publish(message, "same", Duration.ofMinutes(1), Map.of());

    awaitCompleted(first);
    await().during(Duration.ofMillis(300)).until(() -> elements(second, "ACTIVE").contains("wait"));
  }

  @Test
  void shouldCompleteReceiveTask() {
    String processId = unique("receive");
    String message = unique("Received");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .receiveTask(
                "receive", r -> r.message(m -> m.name(message).zeebeCorrelationKeyExpression("id")))
            .endEvent()
            .done());
    long key = start(processId, Map.of("id", "r1")).getProcessInstanceKey();
    awaitElement(key, "receive", "ACTIVE");

    publish(message, "r1", Duration.ZERO, Map.of("received", 1));

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("received", 1L);
  }

  @Test
  void shouldInterruptAndNotInterruptWithMessageBoundaries() {
    // given
    String processId = unique("msg-boundary");
    String cancel = unique("Cancel");
    String note = unique("Note");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .boundaryEvent(
                "note",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name(note).zeebeCorrelationKeyExpression("id")))
            .endEvent("noted")
            .moveToActivity("task")
            .boundaryEvent(
                "cancel", b -> b.message(m -> m.name(cancel).zeebeCorrelationKeyExpression("id")))
            .endEvent("cancelled")
            .moveToActivity("task")
            .endEvent("done")
            .done());
    long key = start(processId, Map.of("id", "b1")).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");

    // when a non-interrupting message arrives twice
    publish(note, "b1", Duration.ZERO, Map.of());
    publish(note, "b1", Duration.ZERO, Map.of());

    // then the task goes on
    await()
        .untilAsserted(
            () ->
                assertThat(elements(key, "COMPLETED").stream().filter("noted"::equals)).hasSize(2));
    assertThat(elements(key, "ACTIVE")).contains("task");

    // when the interrupting message arrives
    publish(cancel, "b1", Duration.ZERO, Map.of("reason", "customer"));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("task");
    assertThat(variables(key)).containsEntry("reason", "customer");
  }

  @Test
  void shouldStartInstanceFromMessageStartEvent() {
    String processId = unique("msg-start");
    String message = unique("Start");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .message(message)
            .endEvent()
            .done());

    publish(message, "", Duration.ZERO, Map.of("from", "message"));

    await().until(() -> instancesOf(processId) == 1);
    long key = processInstancesOf(processId).get(0).key();
    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("from", "message");
  }

  @Test
  void shouldNotStartSecondInstanceForSameCorrelationKeyWhileFirstIsActive() {
    // given a message start followed by a task that waits
    String processId = unique("msg-start-key");
    String message = unique("Open");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .message(message)
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    // when two messages with the same key are published
    publish(message, "case-1", Duration.ofMinutes(5), Map.of("n", 1));
    publish(message, "case-1", Duration.ofMinutes(5), Map.of("n", 2));

    // then only one instance runs until it ends, then the buffered message starts the next
    await().until(() -> instancesOf(processId) == 1);
    await().during(Duration.ofMillis(300)).until(() -> instancesOf(processId) == 1);
    completeJob(type, Map.of());
    await().until(() -> instancesOf(processId) == 2);
  }
}
