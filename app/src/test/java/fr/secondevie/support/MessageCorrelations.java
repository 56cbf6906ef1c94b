package fr.secondevie.support;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.CorrelatedMessageSubscription;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Counts the publications of a message through the engine's public API: a process instance waits
 * for the message twice in a row (catch events {@code first} then {@code second}); after the
 * publications under test, a control message with the same name and key is published. If the
 * application published once, {@code first} gets its message and {@code second} the control; if it
 * published twice, {@code second} gets the application's second message and the control stays
 * buffered. The correlations are read with the client's search of correlated message subscriptions
 * ({@code POST /v2/correlated-message-subscriptions/search}).
 */
public final class MessageCorrelations {

  /** Correlation keys no asset, lot or order of the tests uses. */
  private static final AtomicLong KEYS = new AtomicLong(9_000_000_000L);

  private final CamundaClient client;
  private final String messageName;
  private final String correlationKey;
  private final long processInstanceKey;

  private MessageCorrelations(
      CamundaClient client, String messageName, String correlationKey, long processInstanceKey) {
    this.client = client;
    this.messageName = messageName;
    this.correlationKey = correlationKey;
    this.processInstanceKey = processInstanceKey;
  }

  /** A key (asset, lot, order id) for the message, unused by any other test. */
  public static long uniqueKey() {
    return KEYS.incrementAndGet();
  }

  /** Deploys the waiting process for that message name and starts an instance for that key. */
  public static MessageCorrelations waitTwice(
      CamundaClient client, String messageName, String correlationKey) {
    String processId = "test-waits-twice-for-" + messageName.replaceAll("[^A-Za-z0-9-]", "-");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .intermediateCatchEvent(
                    "first", e -> e.message(m -> m.name(messageName).zeebeCorrelationKey("=key")))
                .intermediateCatchEvent(
                    "second", e -> e.message(m -> m.name(messageName).zeebeCorrelationKey("=key")))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("key", correlationKey))
            .send()
            .join()
            .getProcessInstanceKey();
    return new MessageCorrelations(client, messageName, correlationKey, instance);
  }

  /**
   * Publishes the control message, then waits for both catch events to be correlated.
   *
   * @return the catch event ids with the key of the message each got, and the control's key
   */
  public Result publishControlAndAwait() {
    long control =
        client
            .newPublishMessageCommand()
            .messageName(messageName)
            .correlationKey(correlationKey)
            .timeToLive(Duration.ofMinutes(10))
            .send()
            .join()
            .getMessageKey();
    await("both catch events of instance " + processInstanceKey + " correlated")
        .atMost(Duration.ofSeconds(60))
        .until(() -> correlations().size() >= 2);
    Map<String, Long> byElement =
        correlations().stream()
            .collect(
                Collectors.toMap(
                    CorrelatedMessageSubscription::getElementId,
                    CorrelatedMessageSubscription::getMessageKey));
    return new Result(byElement, control);
  }

  private List<CorrelatedMessageSubscription> correlations() {
    return client
        .newCorrelatedMessageSubscriptionSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items();
  }

  /** The message each catch event got, and the control message's key. */
  public record Result(Map<String, Long> messageByElement, long controlMessageKey) {}
}
