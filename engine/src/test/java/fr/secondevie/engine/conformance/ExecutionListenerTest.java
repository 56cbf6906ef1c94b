package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.response.Job;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Execution listeners ({@code zeebe:executionListeners}): start listener jobs after the input
 * mappings and before the element's behaviour, end listener jobs after the output mappings, one at
 * a time in model order; their variables, their incidents, and the elements Camunda refuses them
 * on. Checks https://docs.camunda.io/docs/components/concepts/execution-listeners/ (8.8).
 */
class ExecutionListenerTest extends ConformanceTest {

  @Test
  void shouldRunStartListenersInOrderAfterInputMappingsAndBeforeTheJob() {
    // given a service task with an input mapping and two start listeners
    String processId = unique("el-start");
    String first = unique("el-first");
    String second = unique("el-second");
    String type = unique("task");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("amount * 2", "doubled")
                        .zeebeStartExecutionListener(first)
                        .zeebeStartExecutionListener(second))
            .endEvent()
            .done());
    long key = start(processId, Map.of("amount", 21)).getProcessInstanceKey();

    // when the first listener's job is activated
    ActivatedJob firstJob = activateJob(first);

    // then it is a START execution listener job that sees the input mapping, and the task's own
    // job and the second listener wait
    assertThat(firstJob.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(firstJob.getListenerEventType()).isEqualTo(ListenerEventType.START);
    assertThat(firstJob.getElementId()).isEqualTo("task");
    assertThat(firstJob.getVariablesAsMap()).containsEntry("doubled", 42);
    assertThat(activateJobsNow(second)).isEmpty();
    assertThat(activateJobsNow(type)).isEmpty();

    // when it completes with a variable
    client.newCompleteCommand(firstJob.getKey()).variables(Map.of("checked", true)).send().join();

    // then the second listener sees it, and only after it does the task's job exist
    ActivatedJob secondJob = activateJob(second);
    assertThat(secondJob.getVariablesAsMap()).containsEntry("checked", true);
    assertThat(activateJobsNow(type)).isEmpty();
    client.newCompleteCommand(secondJob.getKey()).send().join();
    ActivatedJob taskJob = activateJob(type);
    assertThat(taskJob.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(taskJob.getVariablesAsMap())
        .containsEntry("checked", true)
        .containsEntry("doubled", 42);

    // and the start listener's variable stayed local to the task
    client.newCompleteCommand(taskJob.getKey()).send().join();
    awaitCompleted(key);
    assertThat(variables(key)).doesNotContainKey("checked").doesNotContainKey("doubled");

    // and the job search tells listener jobs apart
    List<Job> listenerJobs =
        client
            .newJobSearchRequest()
            .filter(f -> f.processInstanceKey(key).kind(JobKind.EXECUTION_LISTENER))
            .send()
            .join()
            .items();
    assertThat(listenerJobs)
        .extracting(Job::getType, Job::getListenerEventType)
        .containsExactlyInAnyOrder(
            tuple(first, ListenerEventType.START), tuple(second, ListenerEventType.START));
  }

  @Test
  void shouldRaiseIncidentForListenerTypeExpressionAndCreateTheJobOnResolve() {
    // given a start listener whose job type is a FEEL expression on a missing variable
    String processId = unique("el-type-expr");
    String listener = unique("el-expr");
    String type = unique("task");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task", t -> t.zeebeJobType(type).zeebeStartExecutionListener("=listenerType"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // then
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.value().elementId()).isEqualTo("task");
    assertThat(incident.value().errorMessage()).contains("listenerType");

    // when the variable is set and the incident resolved
    client.newSetVariablesCommand(key).variables(Map.of("listenerType", listener)).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then the listener job is created, then the task's job
    client.newCompleteCommand(activateJob(listener).getKey()).send().join();
    client.newCompleteCommand(activateJob(type).getKey()).send().join();
    awaitCompleted(key);
  }

  @Test
  void shouldRunEndListenersAfterOutputMappingsAndPropagateTheirVariables() {
    // given
    String processId = unique("el-end");
    String type = unique("task");
    String end = unique("el-end");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeOutputExpression("result + 1", "total")
                        .zeebeEndExecutionListener(end))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // when the task's job completes
    client.newCompleteCommand(activateJob(type).getKey()).variables(Map.of("result", 9)).send();

    // then the end listener sees the output mapping's result while the task waits for it
    ActivatedJob endJob = activateJob(end);
    assertThat(endJob.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(endJob.getVariablesAsMap()).containsEntry("total", 10);
    assertThat(element(key, "task").state()).isEqualTo("ACTIVE");

    // when it completes with a variable
    client.newCompleteCommand(endJob.getKey()).variables(Map.of("audited", "yes")).send().join();

    // then the variable is propagated like an output mapping's and the instance goes on
    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("total", 10L).containsEntry("audited", "yes");
  }

  @Test
  void shouldRaiseListenerIncidentAndRetryOnlyTheFailedListenerOnResolve() {
    // given two start listeners, the first one completed
    String processId = unique("el-incident");
    String first = unique("el-ok");
    String failing = unique("el-fail");
    String type = unique("task");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeStartExecutionListener(first)
                        .zeebeStartExecutionListener(failing, "1"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    client.newCompleteCommand(activateJob(first).getKey()).send().join();

    // when the second listener's job fails without retries left
    ActivatedJob failed = activateJob(failing);
    client
        .newFailCommand(failed.getKey())
        .retries(0)
        .errorMessage("service d'annuaire indisponible")
        .send()
        .join();

    // then an execution listener incident is raised on the task
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("EXECUTION_LISTENER_NO_RETRIES");
    assertThat(incident.value().elementId()).isEqualTo("task");
    assertThat(incident.value().errorMessage()).isEqualTo("service d'annuaire indisponible");
    assertThat(incident.value().jobKey()).isEqualTo(failed.getKey());

    // when retries are given back and the incident resolved
    client.newUpdateRetriesCommand(failed.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then only the failed listener runs again, then the task's job
    assertThat(activateJobsNow(first)).isEmpty();
    ActivatedJob retried = activateJob(failing);
    assertThat(retried.getKey()).isEqualTo(failed.getKey());
    client.newCompleteCommand(retried.getKey()).send().join();
    client.newCompleteCommand(activateJob(type).getKey()).send().join();
    awaitCompleted(key);
  }

  @Test
  void shouldRefuseBpmnErrorThrownFromListenerJob() {
    // given a start listener caught by no error boundary
    String processId = unique("el-error");
    String listener = unique("el");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task", t -> t.zeebeJobType(unique("task")).zeebeStartExecutionListener(listener))
            .endEvent()
            .done());
    start(processId);
    ActivatedJob job = activateJob(listener);

    // when - then
    assertThatThrownBy(
            () -> client.newThrowErrorCommand(job.getKey()).errorCode("REFUSED").send().join())
        .satisfies(e -> assertStatus(e, Status.Code.FAILED_PRECONDITION))
        .hasMessageContaining("listener job");
    // and the listener job can still be completed
    client.newCompleteCommand(job.getKey()).send().join();
  }

  @Test
  void shouldLetGatewayStartListenerChooseTheFlow() {
    // given an exclusive gateway whose conditions read what its start listener sets
    String processId = unique("el-gateway");
    String listener = unique("el-route");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("route")
            .conditionExpression("lane = \"reuse\"")
            .endEvent("reused")
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .endEvent("recycled")
            .done();
    addExecutionListener(model, "route", ZeebeExecutionListenerEventType.start, listener);
    deploy(model);
    long key = start(processId).getProcessInstanceKey();

    // when
    ActivatedJob job = activateJob(listener);
    assertThat(job.getElementId()).isEqualTo("route");
    client.newCompleteCommand(job.getKey()).variables(Map.of("lane", "reuse")).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("reused").doesNotContain("recycled");
  }

  @Test
  void shouldRunProcessListenersBeforeTheStartEventAndAfterTheLastElement() {
    // given
    String processId = unique("el-process");
    String onStart = unique("el-pstart");
    String onEnd = unique("el-pend");
    String type = unique("task");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .zeebeStartExecutionListener(onStart)
            .zeebeEndExecutionListener(onEnd)
            .startEvent("start")
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of("dossier", "D-1")).getProcessInstanceKey();

    // then the process start listener runs before anything of the flow
    ActivatedJob startJob = activateJob(onStart);
    assertThat(startJob.getElementId()).isEqualTo(processId);
    assertThat(startJob.getVariablesAsMap()).containsEntry("dossier", "D-1");
    assertThat(activateJobsNow(type)).isEmpty();
    client.newCompleteCommand(startJob.getKey()).variables(Map.of("opened", true)).send().join();

    // when the task completes
    client.newCompleteCommand(activateJob(type).getKey()).send().join();

    // then the end listener runs before the instance completes
    ActivatedJob endJob = activateJob(onEnd);
    assertThat(endJob.getVariablesAsMap()).containsEntry("opened", true);
    assertThat(processInstance(key).state()).isEqualTo("ACTIVE");
    client.newCompleteCommand(endJob.getKey()).send().join();
    awaitCompleted(key);
  }

  @Test
  void shouldLetIntermediateTimerStartListenerSetTheDuration() {
    // given a timer catch event whose duration is computed by its start listener
    String processId = unique("el-timer");
    String listener = unique("el-delay");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait",
                e -> e.timerWithDurationExpression("delay").zeebeStartExecutionListener(listener))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // when the listener sets the duration
    client
        .newCompleteCommand(activateJob(listener).getKey())
        .variables(Map.of("delay", "PT1H"))
        .send()
        .join();
    awaitElement(key, "wait", "ACTIVE");

    // then the timer waits for it and fires once it is due
    EngineExtension.CLOCK.add(java.time.Duration.ofMinutes(59));
    assertThat(processInstance(key).state()).isEqualTo("ACTIVE");
    EngineExtension.CLOCK.add(java.time.Duration.ofMinutes(2));
    awaitCompleted(key);
  }

  @Test
  void shouldRunStartListenerOfMultiInstanceActivityForEachInnerInstance() {
    // given a sequential multi-instance service task with a start listener
    String processId = unique("el-multi");
    String listener = unique("el-item");
    String type = unique("task");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeStartExecutionListener(listener)
                        .multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")))
            .endEvent()
            .done());
    long key =
        start(processId, Map.of("items", java.util.List.of("A", "B"))).getProcessInstanceKey();

    // when - then each inner instance runs the listener, then its job
    for (String item : java.util.List.of("A", "B")) {
      ActivatedJob job = activateJob(listener);
      assertThat(job.getVariablesAsMap()).containsEntry("item", item);
      assertThat(activateJobsNow(type)).isEmpty();
      client.newCompleteCommand(job.getKey()).send().join();
      client.newCompleteCommand(activateJob(type).getKey()).send().join();
    }
    awaitCompleted(key);
  }

  @Test
  void shouldCancelOpenListenerJobWhenTheInstanceIsCancelled() {
    // given
    String processId = unique("el-cancel");
    String listener = unique("el");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task", t -> t.zeebeJobType(unique("task")).zeebeStartExecutionListener(listener))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    awaitState(key, "TERMINATED");
    assertThat(activateJobsNow(listener)).isEmpty();
  }

  @Test
  void shouldRefuseStartListenerOnStartEventAsCamundaDoes() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("el-refused"))
            .startEvent("start")
            .zeebeStartExecutionListener("audit")
            .endEvent()
            .done();

    // when - then
    assertThatThrownBy(() -> deploy(model))
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("start")
        .hasMessageContaining(
            "Execution listeners of type 'start' are not supported by start events");
  }

  @Test
  void shouldRefuseEndListenerOnGatewayAsCamundaDoes() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("el-refused-gw"))
            .startEvent()
            .parallelGateway("fork")
            .endEvent()
            .done();
    addExecutionListener(model, "fork", ZeebeExecutionListenerEventType.end, "audit");

    // when - then
    assertThatThrownBy(() -> deploy(model))
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("fork")
        .hasMessageContaining(
            "Execution listeners of type 'end' are not supported by gateway element");
  }

  /** Adds an execution listener to an element the model builder gives no listener method for. */
  private static void addExecutionListener(
      BpmnModelInstance model,
      String elementId,
      ZeebeExecutionListenerEventType eventType,
      String type) {
    FlowNode node = model.getModelElementById(elementId);
    ExtensionElements extensions = node.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      node.setExtensionElements(extensions);
    }
    ZeebeExecutionListeners listeners = model.newInstance(ZeebeExecutionListeners.class);
    ZeebeExecutionListener listener = model.newInstance(ZeebeExecutionListener.class);
    listener.setEventType(eventType);
    listener.setType(type);
    listeners.addChildElement(listener);
    extensions.addChildElement(listeners);
  }
}
