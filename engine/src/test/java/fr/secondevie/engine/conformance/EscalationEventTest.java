package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Escalations thrown by intermediate throw and end events, caught by the nearest boundary event or
 * event sub-process (interrupting or not), also across a call activity; uncaught ones change
 * nothing. Checks https://docs.camunda.io/docs/components/modeler/bpmn/escalation-events/.
 */
class EscalationEventTest extends ConformanceTest {

  @Test
  void shouldCatchOnNonInterruptingBoundaryWhileThrowerGoesOn() {
    // given
    String processId = unique("escalation-beside");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("collect")
            .embeddedSubProcess()
            .startEvent()
            .intermediateThrowEvent("late", e -> e.escalation("LATE"))
            .serviceTask("pick-up", t -> t.zeebeJobType(type))
            .endEvent()
            .subProcessDone()
            .endEvent("done")
            .moveToActivity("collect")
            .boundaryEvent("notify", b -> b.escalation("LATE").cancelActivity(false))
            .endEvent("notified")
            .done());

    // when
    long key = start(processId).getProcessInstanceKey();

    // then
    awaitElement(key, "notified", "COMPLETED");
    completeJob(type, Map.of());
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("late", "notify", "pick-up", "collect", "done");
  }

  @Test
  void shouldInterruptScopeWhenCaughtByInterruptingCatchAll() {
    // given
    String processId = unique("escalation-interrupting");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("collect")
            .embeddedSubProcess()
            .startEvent()
            .endEvent("give-up", e -> e.escalation("GIVE_UP"))
            .subProcessDone()
            .endEvent("done")
            .moveToActivity("collect")
            .boundaryEvent("given-up", b -> b.escalation())
            .endEvent("abandoned")
            .done());

    // when
    long key = start(processId).getProcessInstanceKey();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactlyInAnyOrder("collect", "give-up");
    assertThat(elements(key, "COMPLETED")).contains("given-up", "abandoned").doesNotContain("done");
  }

  @Test
  void shouldStartEventSubProcessAndIgnoreUncaughtEscalation() {
    // given
    String processId = unique("escalation-esp");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "on-late",
                e ->
                    e.startEvent("late-start")
                        .interrupting(false)
                        .escalation("LATE")
                        .endEvent("handled"))
            .startEvent()
            .intermediateThrowEvent("late", e -> e.escalation("LATE"))
            .intermediateThrowEvent("unknown", e -> e.escalation("NOBODY_LISTENS"))
            .endEvent("done")
            .done());

    // when
    long key = start(processId).getProcessInstanceKey();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("handled", "on-late", "unknown", "done");
    assertThat(activeIncidents(key)).isEmpty();
  }

  @Test
  void shouldCatchEscalationOfCalledProcessAtCallActivity() {
    // given
    String childId = unique("child");
    String parentId = unique("parent");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .endEvent("escalate", e -> e.escalation("NEEDS_REVIEW"))
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent("done")
            .moveToActivity("call")
            .boundaryEvent("review", b -> b.escalation("NEEDS_REVIEW").cancelActivity(false))
            .endEvent("reviewed")
            .done());

    // when
    long key = start(parentId).getProcessInstanceKey();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("review", "reviewed", "call", "done");
  }
}
