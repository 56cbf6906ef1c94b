package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timer events driven by the controllable clock: catch events, boundary events (interrupting and
 * cycles), start events. Checks https://docs.camunda.io/docs/components/modeler/bpmn/timer-events/.
 */
class TimerEventTest extends ConformanceTest {

  private static void advance(Duration duration) {
    EngineExtension.CLOCK.add(duration);
  }

  private static long instancesOf(String processId) {
    return processInstancesOf(processId).size();
  }

  @Test
  void shouldFireIntermediateTimerWhenClockPassesDuration() {
    // given
    String processId = unique("timer-catch");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "wait", "ACTIVE");

    // when
    advance(Duration.ofMinutes(59));
    assertThat(elements(key, "ACTIVE")).contains("wait");
    advance(Duration.ofMinutes(2));

    // then
    awaitCompleted(key);
  }

  @Test
  void shouldFireTimerAtDateExpression() {
    String processId = unique("timer-date");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDateExpression("due"))
            .endEvent()
            .done());
    String due =
        EngineExtension.CLOCK
            .instant()
            .plus(3, ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString();
    long key = start(processId, java.util.Map.of("due", due)).getProcessInstanceKey();
    awaitElement(key, "wait", "ACTIVE");

    advance(Duration.ofDays(4));

    awaitCompleted(key);
  }

  @Test
  void shouldInterruptTaskWithBoundaryTimer() {
    // given
    String processId = unique("timer-boundary");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .boundaryEvent("too-late", b -> b.timerWithDuration("PT10M"))
            .endEvent("escalated")
            .moveToActivity("task")
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");

    // when
    advance(Duration.ofMinutes(11));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("task");
    assertThat(elements(key, "COMPLETED")).contains("too-late", "escalated");
    assertThat(activateJobsNow(type)).isEmpty();
  }

  @Test
  void shouldNotFireTimerOfElementHeldByIncidentNorBlockOtherTimers() {
    // given a task held in completion by an incident when its boundary timer comes due
    String processId = unique("timer-held");
    String otherId = unique("timer-free");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type).zeebeOutputExpression("assert(total, total > 0)", "total"))
            .boundaryEvent("too-late", b -> b.timerWithDuration("PT10M"))
            .endEvent("escalated")
            .moveToActivity("task")
            .endEvent("done")
            .done());
    deploy(
        Bpmn.createExecutableProcess(otherId)
            .startEvent()
            .intermediateCatchEvent("wait", c -> c.timerWithDuration("PT20M"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    long other = start(otherId).getProcessInstanceKey();
    completeJob(type, Map.of("total", 0));
    var incident = awaitIncident(key);

    // when both timers come due
    advance(Duration.ofMinutes(30));

    // then the other fires, the held one waits (Camunda rejects its trigger and keeps it)
    awaitCompleted(other);
    assertThat(elements(key, "TERMINATED")).isEmpty();
    assertThat(elements(key, "COMPLETED")).doesNotContain("too-late");

    // when the incident is resolved, the task completes and its timer is canceled
    long taskKey = element(key, "task").key();
    client.newSetVariablesCommand(taskKey).variables(Map.of("total", 3)).local(true).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("done").doesNotContain("too-late", "escalated");
  }

  @Test
  void shouldRepeatNonInterruptingCycleAsManyTimesAsDeclared() {
    // given
    String processId = unique("timer-cycle");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("collect", u -> u.zeebeUserTask())
            .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithCycle("R3/PT10M"))
            .serviceTask("send-reminder", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToActivity("collect")
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "collect", "ACTIVE");

    // when the clock passes four periods
    for (int i = 1; i <= 4; i++) {
      advance(Duration.ofMinutes(10).plusSeconds(1));
      int expected = Math.min(i, 3);
      await()
          .untilAsserted(
              () ->
                  assertThat(elements(key, "COMPLETED").stream().filter("remind"::equals))
                      .hasSize(expected));
    }

    // then the reminder fired three times and the task is still waiting
    assertThat(elements(key, "ACTIVE")).contains("collect");
    assertThat(activateJobs(type, 10)).hasSize(3);
  }

  @Test
  void shouldStartInstancesFromTimerStartCycle() {
    // given
    EngineExtension.CLOCK.pin(EngineExtension.CLOCK.instant());
    String processId = unique("timer-start");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("every-minute")
            .timerWithCycle("R2/PT1M")
            .endEvent()
            .done());
    assertThat(instancesOf(processId)).isZero();

    // when / then
    advance(Duration.ofMinutes(1));
    await().until(() -> instancesOf(processId) == 1);
    advance(Duration.ofMinutes(1));
    await().until(() -> instancesOf(processId) == 2);
    advance(Duration.ofMinutes(5));
    await().during(Duration.ofMillis(300)).until(() -> instancesOf(processId) == 2);
  }

  @Test
  void shouldRepeatCronCycleOnWorkingDays() {
    // given Friday 2031-01-03 10:00 UTC and a reminder every working day at 09:00
    EngineExtension.CLOCK.pin(Instant.parse("2031-01-03T10:00:00Z"));
    String processId = unique("timer-cron");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .boundaryEvent(
                "reminder", b -> b.cancelActivity(false).timerWithCycle("0 0 9 * * MON-FRI"))
            .endEvent("reminded")
            .moveToActivity("task")
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");

    // when the weekend passes, nothing; on Monday and Tuesday at 09:00, a reminder each
    advance(Duration.ofDays(2));
    await()
        .during(Duration.ofMillis(300))
        .until(() -> !elements(key, "COMPLETED").contains("reminded"));
    advance(Duration.ofDays(2));

    // then
    await()
        .until(() -> elements(key, "COMPLETED").stream().filter("reminded"::equals).count() == 2);
    client.newCancelInstanceCommand(key).send().join();
  }

  @Test
  void shouldStartInstanceFromTimerStartDate() {
    EngineExtension.CLOCK.pin(Instant.parse("2030-01-01T00:00:00Z"));
    String processId = unique("timer-start-date");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("new-year")
            .timerWithDate("2030-01-02T00:00:00Z")
            .endEvent()
            .done());

    advance(Duration.ofDays(2));

    await().until(() -> instancesOf(processId) == 1);
  }
}
