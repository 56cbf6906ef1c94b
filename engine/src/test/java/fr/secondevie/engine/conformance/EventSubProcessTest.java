package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event sub-processes started by a timer, a message or an error, interrupting their scope or
 * running beside it, with the scope's variables. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/.
 */
class EventSubProcessTest extends ConformanceTest {

  @Test
  void shouldInterruptProcessWithTimerEventSubProcess() {
    // given
    String processId = unique("esp-timer");
    String type = unique("t");
    String escalate = unique("escalate");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "overdue",
                e ->
                    e.startEvent("overdue-start")
                        .timerWithDuration("PT1H")
                        .serviceTask("escalate", t -> t.zeebeJobType(escalate))
                        .endEvent("escalated"))
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob work = activateJob(type);

    // when
    EngineExtension.CLOCK.add(Duration.ofHours(2));

    // then the main path is terminated and the event sub-process runs once
    completeJob(escalate, Map.of());
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("work");
    assertThat(elements(key, "COMPLETED"))
        .contains("overdue-start", "escalate", "escalated", "overdue")
        .doesNotContain("done");
    assertThat(activateJobsNow(type)).isEmpty();
    assertThat(work).isNotNull();
  }

  @Test
  void shouldRunNonInterruptingMessageEventSubProcessEachTimeBesideTheScope() {
    // given
    String processId = unique("esp-message");
    String type = unique("t");
    String note = unique("note");
    String message = unique("Reminder");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "reminder",
                e ->
                    e.startEvent("reminder-start")
                        .interrupting(false)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
                        .serviceTask("note-reminder", t -> t.zeebeJobType(note))
                        .endEvent())
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent("done")
            .done());
    long key = start(processId, Map.of("orderId", "o-1")).getProcessInstanceKey();
    ActivatedJob work = activateJob(type);

    // when the message arrives twice
    publish(message, "o-1", Map.of("reminders", 1));
    publish(message, "o-1", Map.of("reminders", 2));

    // then the event sub-process runs twice, beside the waiting task
    ActivatedJob first = activateJob(note);
    ActivatedJob second = activateJob(note);
    assertThat(elements(key, "ACTIVE")).contains("work");
    assertThat(variables(key)).containsEntry("reminders", 2L);

    // when the main path ends, the instance still waits for the event sub-processes
    client.newCompleteCommand(work.getKey()).send().join();
    awaitElement(key, "done", "COMPLETED");
    assertThat(processInstance(key).state()).isEqualTo("ACTIVE");
    client.newCompleteCommand(first.getKey()).send().join();
    client.newCompleteCommand(second.getKey()).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).containsOnlyOnce("done").contains("reminder");
  }

  @Test
  void shouldCatchErrorInErrorEventSubProcess() {
    // given
    String processId = unique("esp-error");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "failure",
                e ->
                    e.startEvent("failure-start")
                        .error("WIPE_FAILED")
                        .zeebeOutputExpression("detail", "failureDetail")
                        .endEvent("failed"))
            .startEvent()
            .subProcess("sanitize")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("wipe", t -> t.zeebeJobType(type))
            .endEvent()
            .subProcessDone()
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job = activateJob(type);

    // when
    client
        .newThrowErrorCommand(job.getKey())
        .errorCode("WIPE_FAILED")
        .variables(Map.of("detail", "disk 2", "other", 1))
        .send()
        .join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactlyInAnyOrder("wipe", "sanitize");
    assertThat(elements(key, "COMPLETED")).contains("failure-start", "failed", "failure");
    assertThat(variables(key)).containsEntry("failureDetail", "disk 2").doesNotContainKey("other");
  }

  @Test
  void shouldInterruptSubProcessWithItsEventSubProcessWhichSeesItsVariables() {
    // given a sub-process with a local variable and an interrupting timer event sub-process
    String processId = unique("esp-scope");
    String type = unique("t");
    String escalate = unique("escalate");
    client
        .newDeployResourceCommand()
        .addResourceBytes(
            scopedEventSubProcess(processId, type, escalate).getBytes(StandardCharsets.UTF_8),
            processId + ".bpmn")
        .send()
        .join();
    long key = start(processId).getProcessInstanceKey();
    activateJob(type);

    // when
    EngineExtension.CLOCK.add(Duration.ofDays(2));

    // then the event sub-process reads the sub-process's local, and the process goes on after it
    ActivatedJob job = activateJob(escalate);
    assertThat(job.getVariablesAsMap()).containsEntry("attempt", 1);
    client.newCompleteCommand(job.getKey()).send().join();
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("wait");
    assertThat(elements(key, "COMPLETED")).contains("late", "sub", "after-sub");
    assertThat(variables(key)).containsEntry("lateAttempt", 1L).doesNotContainKey("attempt");
  }

  @Test
  void shouldTerminateRunningNonInterruptingEventSubProcessWhenAnInterruptingOneStarts() {
    // given
    String processId = unique("esp-both");
    String type = unique("t");
    String note = unique("note");
    String message = unique("Note");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "noting",
                e ->
                    e.startEvent("noting-start")
                        .interrupting(false)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("id"))
                        .serviceTask("note", t -> t.zeebeJobType(note))
                        .endEvent())
            .eventSubProcess(
                "cancel",
                e -> e.startEvent("cancel-start").timerWithDuration("PT1H").endEvent("cancelled"))
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of("id", "x")).getProcessInstanceKey();
    publish(message, "x", Map.of());
    activateJob(note);

    // when
    EngineExtension.CLOCK.add(Duration.ofHours(2));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).contains("work", "note", "noting");
    assertThat(elements(key, "COMPLETED")).contains("cancelled", "cancel");
  }

  private void publish(String name, String key, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(key)
        .variables(variables)
        .send()
        .join();
  }

  private static String scopedEventSubProcess(String processId, String type, String escalate) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
            <bpmn:subProcess id="sub">
              <bpmn:extensionElements>
                <zeebe:ioMapping><zeebe:input source="=1" target="attempt"/></zeebe:ioMapping>
              </bpmn:extensionElements>
              <bpmn:startEvent id="sub-start"/>
              <bpmn:sequenceFlow id="f2" sourceRef="sub-start" targetRef="wait"/>
              <bpmn:serviceTask id="wait">
                <bpmn:extensionElements><zeebe:taskDefinition type="%2$s"/></bpmn:extensionElements>
              </bpmn:serviceTask>
              <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="sub-end"/>
              <bpmn:endEvent id="sub-end"/>
              <bpmn:subProcess id="late" triggeredByEvent="true">
                <bpmn:extensionElements>
                  <zeebe:ioMapping>
                    <zeebe:output source="=attempt" target="lateAttempt"/>
                  </zeebe:ioMapping>
                </bpmn:extensionElements>
                <bpmn:startEvent id="late-start" isInterrupting="true">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDuration>P1D</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="f4" sourceRef="late-start" targetRef="escalate"/>
                <bpmn:serviceTask id="escalate">
                  <bpmn:extensionElements><zeebe:taskDefinition type="%3$s"/></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f5" sourceRef="escalate" targetRef="late-end"/>
                <bpmn:endEvent id="late-end"/>
              </bpmn:subProcess>
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f6" sourceRef="sub" targetRef="after-sub"/>
            <bpmn:endEvent id="after-sub"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(processId, type, escalate);
  }
}
