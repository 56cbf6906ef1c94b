package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call activities: the called process's latest (or bound) version started at its none start event,
 * variables across the boundary in both directions, parent keys, boundary events, errors and
 * terminate end events of the child, missing called processes, cancellation. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/call-activities/.
 */
class CallActivityTest extends ConformanceTest {

  @Test
  void shouldCallProcessWithAllVariablesBothWays() {
    // given
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parent = start(parentId, Map.of("order", 17)).getProcessInstanceKey();

    // when
    ActivatedJob job = activateJob(type);
    client.newCompleteCommand(job.getKey()).variables(Map.of("shipped", true)).send().join();

    // then
    awaitCompleted(parent);
    ProcessInstanceView child = childOf(parent);
    assertThat(child.bpmnProcessId()).isEqualTo(childId);
    assertThat(child.parentElementInstanceKey()).isEqualTo(element(parent, "call").key());
    assertThat(job.getVariablesAsMap()).containsEntry("order", 17);
    assertThat(variables(parent)).containsEntry("order", 17L).containsEntry("shipped", true);
    assertThat(processInstance(child.key()).state()).isEqualTo("COMPLETED");
  }

  @Test
  void shouldCrossOnlyMappedVariablesWhenPropagationIsOff() {
    // given
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity(
                "mapped",
                c ->
                    c.zeebeProcessId(childId)
                        .zeebePropagateAllParentVariables(false)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeInputExpression("assetId", "id")
                        .zeebeOutputExpression("outcome", "result"))
            .callActivity(
                "silent",
                c ->
                    c.zeebeProcessId(childId)
                        .zeebePropagateAllParentVariables(false)
                        .zeebePropagateAllChildVariables(false))
            .endEvent()
            .done());
    long parent = start(parentId, Map.of("assetId", "A-1", "secret", "s")).getProcessInstanceKey();

    // when
    ActivatedJob first = activateJob(type);
    client
        .newCompleteCommand(first.getKey())
        .variables(Map.of("outcome", "RECYCLE", "noise", 1))
        .send()
        .join();
    ActivatedJob second = activateJob(type);
    client.newCompleteCommand(second.getKey()).variables(Map.of("ignored", 2)).send().join();

    // then
    awaitCompleted(parent);
    assertThat(first.getVariablesAsMap()).containsOnlyKeys("id");
    assertThat(second.getVariablesAsMap()).isEmpty();
    assertThat(variables(parent))
        .containsEntry("result", "RECYCLE")
        .doesNotContainKeys("outcome", "noise", "ignored", "id");
  }

  @Test
  void shouldCallVersionChosenByExpressionAndBinding() {
    // given two versions of the child, the first tagged
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .versionTag("v1")
            .startEvent()
            .serviceTask("v1-task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessIdExpression("target")
                        .zeebeBindingType(ZeebeBindingType.versionTag)
                        .zeebeVersionTag("v1"))
            .endEvent()
            .done());

    // when
    long parent = start(parentId, Map.of("target", childId)).getProcessInstanceKey();

    // then the tagged version runs
    ActivatedJob job = activateJob(type);
    assertThat(job.getElementId()).isEqualTo("v1-task");
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(1);
    client.newCompleteCommand(job.getKey()).send().join();
    awaitCompleted(parent);
  }

  @Test
  void shouldCallVersionDeployedWithTheCallerForDeploymentBinding() {
    // given the caller deployed with version 1 of the child, then a version 2 of the child
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(childId)
                .startEvent()
                .serviceTask("v1-task", t -> t.zeebeJobType(type))
                .endEvent()
                .done(),
            childId + ".bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(parentId)
                .startEvent()
                .callActivity(
                    "call",
                    c -> c.zeebeProcessId(childId).zeebeBindingType(ZeebeBindingType.deployment))
                .endEvent()
                .done(),
            parentId + ".bpmn")
        .send()
        .join();
    deploy(serviceTaskProcess(childId, type));

    // when
    long parent = start(parentId).getProcessInstanceKey();

    // then
    ActivatedJob job = activateJob(type);
    assertThat(job.getElementId()).isEqualTo("v1-task");
    client.newCompleteCommand(job.getKey()).send().join();
    awaitCompleted(parent);
  }

  @Test
  void shouldTerminateChildWhenInterruptingBoundaryFires() {
    // given
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("too-late", b -> b.timerWithDuration("PT1H"))
            .endEvent("timed-out")
            .moveToActivity("call")
            .endEvent("done")
            .done());
    long parent = start(parentId).getProcessInstanceKey();
    ActivatedJob job = activateJob(type);

    // when
    EngineExtension.CLOCK.add(Duration.ofHours(2));

    // then
    awaitCompleted(parent);
    assertThat(elements(parent, "COMPLETED")).contains("too-late", "timed-out");
    long child = childOf(parent).key();
    awaitState(child, "TERMINATED");
    assertThat(elements(child, "TERMINATED")).contains("task");
    assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
        .isInstanceOf(ClientStatusException.class);
  }

  @Test
  void shouldCatchErrorOfChildAtCallActivity() {
    // given
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("not-found", b -> b.error("ASSET_NOT_FOUND"))
            .endEvent("regularise")
            .moveToActivity("call")
            .endEvent("done")
            .done());
    long parent = start(parentId).getProcessInstanceKey();

    // when
    ActivatedJob job = activateJob(type);
    client.newThrowErrorCommand(job.getKey()).errorCode("ASSET_NOT_FOUND").send().join();

    // then
    awaitCompleted(parent);
    assertThat(elements(parent, "COMPLETED")).contains("not-found", "regularise");
    assertThat(elements(parent, "TERMINATED")).containsExactly("call");
    assertThat(processInstance(childOf(parent).key()).state()).isEqualTo("TERMINATED");
  }

  @Test
  void shouldContinueParentWhenChildEndsWithTerminateEndEvent() {
    // given a child that terminates its other branch
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("waiting", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToNode("fork")
            .endEvent("stop", e -> e.terminate())
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent("done")
            .done());

    // when
    long parent = start(parentId).getProcessInstanceKey();

    // then
    awaitCompleted(parent);
    long child = childOf(parent).key();
    assertThat(processInstance(child).state()).isEqualTo("COMPLETED");
    assertThat(elements(child, "TERMINATED")).contains("waiting");
  }

  @Test
  void shouldRaiseCalledElementIncidentUntilProcessIsDeployed() {
    // given
    String childId = unique("missing");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parent = start(parentId).getProcessInstanceKey();

    // when
    var incident = awaitIncident(parent);

    // then
    assertThat(incident.value().errorType()).isEqualTo("CALLED_ELEMENT_ERROR");
    assertThat(incident.value().errorMessage()).contains(childId);
    assertThat(incident.value().elementId()).isEqualTo("call");

    // when the process is deployed and the incident resolved
    deploy(serviceTaskProcess(childId, type));
    client.newResolveIncidentCommand(incident.key()).send().join();
    completeJob(type, Map.of());

    // then
    awaitCompleted(parent);
  }

  @Test
  void shouldCancelChildrenWithTheirRootAndRejectCancellingAChild() {
    // given
    String childId = unique("child");
    String parentId = unique("parent");
    String type = unique("t");
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parent = start(parentId).getProcessInstanceKey();
    activateJob(type);
    long child = childOf(parent).key();

    // when cancelling the child, then
    assertThatThrownBy(() -> client.newCancelInstanceCommand(child).send().join())
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> DeploymentTest.assertStatus(e, Status.Code.FAILED_PRECONDITION))
        .hasMessageContaining("Cancel the root process instance '" + parent + "'");

    // when cancelling the root
    client.newCancelInstanceCommand(parent).send().join();

    // then
    awaitState(parent, "TERMINATED");
    awaitState(child, "TERMINATED");
    assertThat(activateJobsNow(type)).isEmpty();
  }

  static ProcessInstanceView childOf(long parentKey) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !children(parentKey).isEmpty());
    return children(parentKey).get(0);
  }

  static List<ProcessInstanceView> children(long parentKey) {
    return childrenOf(parentKey);
  }
}
