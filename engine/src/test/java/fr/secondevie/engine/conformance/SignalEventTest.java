package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signals broadcast through {@code BroadcastSignal} or thrown by signal throw and end events: they
 * start instances at signal start events (latest version), complete catch events, trigger boundary
 * events and event sub-processes, with their variables. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/signal-events/.
 */
class SignalEventTest extends ConformanceTest {

  @Test
  void shouldStartLatestVersionOfEveryProcessWithSignalStartEvent() {
    // given
    String signal = unique("Recall");
    String first = unique("recall-a");
    String second = unique("recall-b");
    deploy(signalStarted(first, signal, "v1-end"));
    deploy(signalStarted(first, signal, "v2-end"));
    deploy(signalStarted(second, signal, "end"));

    // when
    long key = broadcast(signal, Map.of("batch", "B-12"));

    // then
    assertThat(key).isPositive();
    ProcessInstanceView a = awaitInstanceOf(first);
    ProcessInstanceView b = awaitInstanceOf(second);
    assertThat(a.version()).isEqualTo(2);
    awaitCompleted(a.key());
    awaitCompleted(b.key());
    assertThat(elements(a.key(), "COMPLETED")).contains("v2-end");
    assertThat(variables(a.key())).containsEntry("batch", "B-12");
    assertThat(instancesOf(first)).hasSize(1);
  }

  @Test
  void shouldCompleteCatchEventOfEveryWaitingInstance() {
    // given
    String signal = unique("Go");
    String processId = unique("waiting");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("go", c -> c.signal(signal))
            .endEvent()
            .done());
    long one = start(processId).getProcessInstanceKey();
    long two = start(processId).getProcessInstanceKey();
    awaitElement(two, "go", "ACTIVE");

    // when
    broadcast(signal, Map.of("go", "now"));

    // then
    awaitCompleted(one);
    awaitCompleted(two);
    assertThat(variables(one)).containsEntry("go", "now");
  }

  @Test
  void shouldTriggerNonInterruptingAndInterruptingBoundaryEvents() {
    // given
    String note = unique("Note");
    String stop = unique("Stop");
    String processId = unique("bounded");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .boundaryEvent("noted", b -> b.cancelActivity(false).signal(note))
            .endEvent("note-taken")
            .moveToActivity("work")
            .boundaryEvent("stopped", b -> b.signal(stop))
            .endEvent("stop-taken")
            .moveToActivity("work")
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "work", "ACTIVE");

    // when
    broadcast(note, Map.of());
    broadcast(note, Map.of());
    awaitElement(key, "note-taken", "COMPLETED");
    assertThat(elements(key, "ACTIVE")).contains("work");
    broadcast(stop, Map.of());

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED"))
        .containsOnlyOnce("stopped")
        .contains("note-taken")
        .doesNotContain("done");
    assertThat(elements(key, "COMPLETED").stream().filter("noted"::equals)).hasSize(2);
    assertThat(elements(key, "TERMINATED")).containsExactly("work");
  }

  @Test
  void shouldStartEventSubProcessOnSignal() {
    // given
    String signal = unique("Audit");
    String processId = unique("audited");
    String type = unique("t");
    String audit = unique("audit");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "auditing",
                e ->
                    e.startEvent("audit-start")
                        .interrupting(false)
                        .signal(signal)
                        .serviceTask("audit", t -> t.zeebeJobType(audit))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob work = activateJob(type);

    // when
    broadcast(signal, Map.of("auditor", "ops"));

    // then
    ActivatedJob auditJob = activateJob(audit);
    assertThat(auditJob.getVariablesAsMap()).containsEntry("auditor", "ops");
    client.newCompleteCommand(auditJob.getKey()).send().join();
    client.newCompleteCommand(work.getKey()).send().join();
    awaitCompleted(key);
  }

  @Test
  void shouldBroadcastFromThrowAndEndEventsWithTheirLocalVariables() {
    // given a process waiting for two signals, and one that throws them
    String ready = unique("Ready");
    String closed = unique("Closed");
    String listener = unique("listener");
    String thrower = unique("thrower");
    deploy(
        Bpmn.createExecutableProcess(listener)
            .startEvent()
            .intermediateCatchEvent("ready", c -> c.signal(ready))
            .intermediateCatchEvent("closed", c -> c.signal(closed))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(thrower)
            .startEvent()
            .intermediateThrowEvent(
                "announce", e -> e.signal(ready).zeebeInputExpression("lotId", "lot"))
            .endEvent("close", e -> e.signal(closed).zeebeInputExpression("\"done\"", "status"))
            .done());
    long waiting = start(listener).getProcessInstanceKey();
    awaitElement(waiting, "ready", "ACTIVE");

    // when
    long throwing = start(thrower, Map.of("lotId", 5, "secret", 1)).getProcessInstanceKey();

    // then
    awaitCompleted(throwing);
    awaitCompleted(waiting);
    assertThat(variables(waiting))
        .containsEntry("lot", 5L)
        .containsEntry("status", "done")
        .doesNotContainKeys("secret", "lotId");
  }

  private long broadcast(String signal, Map<String, Object> variables) {
    return client
        .newBroadcastSignalCommand()
        .signalName(signal)
        .variables(variables)
        .send()
        .join()
        .getKey();
  }

  private static io.camunda.zeebe.model.bpmn.BpmnModelInstance signalStarted(
      String processId, String signal, String endId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("started")
        .signal(signal)
        .endEvent(endId)
        .done();
  }

  private static List<ProcessInstanceView> instancesOf(String processId) {
    return processInstancesOf(processId);
  }

  private static ProcessInstanceView awaitInstanceOf(String processId) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !instancesOf(processId).isEmpty());
    return instancesOf(processId).get(0);
  }
}
