package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Creating, awaiting and cancelling process instances, and the topology. Checks
 * https://docs.camunda.io/docs/components/concepts/process-instance-creation/ and
 * https://docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/.
 */
class ProcessInstanceTest extends ConformanceTest {

  @Test
  void shouldAnswerTopologyWithOneHealthyLeader() {
    Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.14");
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers())
        .singleElement()
        .satisfies(
            broker -> {
              assertThat(broker.getPartitions())
                  .singleElement()
                  .satisfies(
                      p -> {
                        assertThat(p.isLeader()).isTrue();
                        assertThat(p.getHealth().name()).isEqualTo("HEALTHY");
                      });
            });
  }

  @Test
  void shouldCreateInstanceWithVariables() {
    // given
    String processId = unique("create");
    deploy(serviceTaskProcess(processId, unique("t")));

    // when
    var instance =
        start(processId, Map.of("order", Map.of("id", 7, "items", java.util.List.of(1, 2))));

    // then
    assertThat(instance.getBpmnProcessId()).isEqualTo(processId);
    assertThat(instance.getVersion()).isEqualTo(1);
    assertThat(variables(instance.getProcessInstanceKey()))
        .containsEntry("order", Map.of("id", 7L, "items", java.util.List.of(1L, 2L)));
    assertThat(processInstance(instance.getProcessInstanceKey()).state()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldCreateInstanceAndAwaitResult() {
    // given
    String processId = unique("with-result");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask("double", s -> s.zeebeExpression("x * 2").zeebeResultVariable("y"))
            .endEvent()
            .done());

    // when
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("x", 21, "other", true))
            .withResult()
            .fetchVariables("y")
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join();

    // then
    assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("y", 42));
  }

  @Test
  void shouldRejectUnknownProcessId() {
    assertThatThrownBy(() -> start("no-such-process"))
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND))
        .hasMessageContaining("no-such-process");
  }

  @Test
  void shouldRejectVariablesThatAreNotJsonObjects() {
    String processId = unique("bad-vars");
    deploy(serviceTaskProcess(processId, "t"));

    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(processId)
                    .latestVersion()
                    .variables("[1, 2]")
                    .send()
                    .join())
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("Expected document to be a root level object");
  }

  @Test
  void shouldRejectNonJsonVariablesAtTheGateway() {
    // the Java client refuses to send malformed JSON, so this goes through the raw gRPC stub
    String processId = unique("non-json");
    deploy(serviceTaskProcess(processId, "t"));
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", EngineExtension.ENGINE.grpcPort())
            .usePlaintext()
            .build();
    try {
      var stub = GatewayGrpc.newBlockingStub(channel);
      assertThatThrownBy(
              () ->
                  stub.createProcessInstance(
                      GatewayOuterClass.CreateProcessInstanceRequest.newBuilder()
                          .setBpmnProcessId(processId)
                          .setVersion(-1)
                          .setVariables("{not json")
                          .build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void shouldCancelInstanceTerminatingEverything() {
    // given
    String processId = unique("cancel");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    awaitState(key, "TERMINATED");
    assertThat(elements(key, "TERMINATED")).containsExactly(processId, "task");
    assertThat(activateJobsNow(type)).isEmpty();
  }

  @Test
  void shouldRejectCancelOfUnknownInstance() {
    assertThatThrownBy(() -> client.newCancelInstanceCommand(123L).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
  }

  @Test
  void shouldStartAtGivenElementsWithStartInstructions() {
    // given
    String processId = unique("start-instructions");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("first", t -> t.zeebeJobType(type + ".first"))
            .serviceTask("second", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    // when
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .startBeforeElement("second")
            .send()
            .join()
            .getProcessInstanceKey();

    // then
    completeJob(type, Map.of());
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).doesNotContain("first").contains("second");
  }
}
