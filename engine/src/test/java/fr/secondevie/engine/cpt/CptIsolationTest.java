package fr.secondevie.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * No test leaks into the next: after each test CPT resets the clock and purges the runtime, so the
 * second test finds no deployment, instance, job, user task, buffered message or moved clock of the
 * first.
 */
@CamundaProcessTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CptIsolationTest {

  CamundaClient client;
  CamundaProcessTestContext processTestContext;

  @Test
  @Order(1)
  void leavesDataAndAMovedClockBehind() {
    // given everything a test can leave behind
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("leaky")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType("leaky.work"))
                .userTask("review", u -> u.zeebeUserTask())
                .endEvent()
                .done(),
            "leaky.bpmn")
        .addResourceFromClasspath("fixtures/dish.dmn")
        .send()
        .join();
    ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().bpmnProcessId("leaky").latestVersion().send().join();
    client
        .newPublishMessageCommand()
        .messageName("Leak")
        .correlationKey("k")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();
    processTestContext.setTime(Instant.parse("2040-01-01T00:00:00Z"));

    // then it is there
    assertThat(instance).isActive().hasActiveElements("work");
    assertThat(processTestContext.getCurrentTime()).isAfter(Instant.parse("2039-12-31T00:00:00Z"));
  }

  @Test
  @Order(2)
  void startsFromAnEmptyRuntimeAtSystemTime() {
    // the clock is back to the system time
    assertThat(processTestContext.getCurrentTime())
        .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(60));

    // nothing of the previous test remains
    assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newDecisionDefinitionSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newElementInstanceSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newVariableSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newUserTaskSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newJobSearchRequest().send().join().items()).isEmpty();
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType("leaky.work")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();

    // and the buffered message is gone: a new subscription does not receive it
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("listener")
                .startEvent()
                .receiveTask("wait")
                .message(m -> m.name("Leak").zeebeCorrelationKeyExpression("\"k\""))
                .endEvent()
                .done(),
            "listener.bpmn")
        .send()
        .join();
    ProcessInstanceEvent listener =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("listener")
            .latestVersion()
            .variables(Map.of())
            .send()
            .join();
    assertThat(listener).isWaitingForMessage("Leak", "k").hasActiveElements("wait");
  }
}
