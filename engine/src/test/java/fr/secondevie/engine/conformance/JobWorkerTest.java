package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jobs and job workers: activation (long polling, fetch variables, headers, expressions),
 * completion, failure with retries and back-off, timeouts, errors, retries and timeout updates,
 * streaming. Checks https://docs.camunda.io/docs/components/concepts/job-workers/ and
 * https://docs.camunda.io/docs/components/modeler/bpmn/service-tasks/.
 */
class JobWorkerTest extends ConformanceTest {

  @Test
  void shouldActivateJobWithHeadersRetriesAndAllVariables() {
    // given
    String processId = unique("job-props");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t -> t.zeebeJobType(type).zeebeJobRetries("5").zeebeTaskHeader("color", "blue"))
            .endEvent()
            .done());
    long key = start(processId, Map.of("a", 1, "b", "x")).getProcessInstanceKey();
    long engineNow = EngineExtension.CLOCK.instant().toEpochMilli();

    // when
    ActivatedJob job = activateJob(type);

    // then
    assertThat(job.getType()).isEqualTo(type);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getCustomHeaders()).containsExactly(Map.entry("color", "blue"));
    assertThat(job.getVariablesAsMap()).containsEntry("a", 1).containsEntry("b", "x");
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getBpmnProcessId()).isEqualTo(processId);
    assertThat(job.getElementId()).isEqualTo("task");
    // the activation's timeout (5 minutes) runs from the engine's clock
    assertThat(job.getDeadline())
        .isGreaterThanOrEqualTo(engineNow + Duration.ofMinutes(5).toMillis());
  }

  @Test
  void shouldEvaluateTypeAndRetriesExpressions() {
    String processId = unique("job-expr");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobTypeExpression("\"" + type + "\" + suffix")
                        .zeebeJobRetriesExpression("n + 1"))
            .endEvent()
            .done());
    start(processId, Map.of("suffix", ".x", "n", 6));

    ActivatedJob job = activateJob(type + ".x");

    assertThat(job.getRetries()).isEqualTo(7);
  }

  @Test
  void shouldFetchOnlyRequestedVariables() {
    String processId = unique("fetch");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    start(processId, Map.of("a", 1, "b", 2, "c", 3));

    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .fetchVariables("a", "c")
            .send()
            .join()
            .getJobs();

    assertThat(jobs.get(0).getVariablesAsMap()).containsOnlyKeys("a", "c");
  }

  @Test
  void shouldActivateAtMostMaxJobs() {
    String processId = unique("max");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    for (int i = 0; i < 3; i++) {
      start(processId);
    }

    assertThat(activateJobs(type, 2)).hasSize(2);
    assertThat(activateJobs(type, 5)).hasSize(1);
  }

  @Test
  void shouldAnswerALongPollWithTheJobCreatedWhileItWaits() throws Exception {
    // given a worker waiting for a job type that has no job yet, far longer than the test lasts
    String processId = unique("long-poll");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    CompletableFuture<ActivateJobsResponse> poll =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMinutes(10))
            .send()
            .toCompletableFuture();

    // when
    long key = start(processId).getProcessInstanceKey();

    // then: the poll is answered with the job (an empty answer would only come after 10 minutes)
    List<ActivatedJob> jobs = poll.get(2, TimeUnit.MINUTES).getJobs();
    assertThat(jobs)
        .singleElement()
        .satisfies(j -> assertThat(j.getProcessInstanceKey()).isEqualTo(key));
  }

  @Test
  void shouldAnswerALongPollWithNoJobOnceItsRequestTimeoutIsOver() {
    // when
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(unique("nothing"))
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMillis(300))
            .send()
            .join()
            .getJobs();

    // then: an empty answer, not an error
    assertThat(jobs).isEmpty();
  }

  @Test
  void shouldRejectInvalidActivationRequests() {
    assertThatThrownBy(
            () -> client.newActivateJobsCommand().jobType(" ").maxJobsToActivate(1).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT));
    assertThatThrownBy(
            () -> client.newActivateJobsCommand().jobType("x").maxJobsToActivate(0).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void shouldMergeCompletionVariables() {
    String processId = unique("complete");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId, Map.of("a", 1)).getProcessInstanceKey();

    completeJob(type, Map.of("a", 2, "b", List.of("x")));

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("a", 2L).containsEntry("b", List.of("x"));
  }

  @Test
  void shouldRejectUnknownJobKey() {
    assertThatThrownBy(() -> client.newCompleteCommand(1234L).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> client.newFailCommand(1234L).retries(1).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
  }

  @Test
  void shouldRetryFailedJobKeepingLocalVariables() {
    // given
    String processId = unique("fail");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job = activateJob(type);

    // when
    client
        .newFailCommand(job.getKey())
        .retries(2)
        .errorMessage("boom")
        .variables(Map.of("attempt", 1))
        .send()
        .join();

    // then
    ActivatedJob retried = activateJob(type);
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getRetries()).isEqualTo(2);
    long taskKey = element(key, "task").key();
    assertThat(variablesOfScope(taskKey)).containsEntry("attempt", 1L);
    assertThat(variables(key)).doesNotContainKey("attempt");
  }

  @Test
  void shouldWaitForRetryBackoff() {
    String processId = unique("backoff");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    start(processId);
    ActivatedJob job = activateJob(type);

    client
        .newFailCommand(job.getKey())
        .retries(1)
        .retryBackoff(Duration.ofMinutes(5))
        .send()
        .join();

    assertThat(activateJobsNow(type)).isEmpty();
    EngineExtension.CLOCK.add(Duration.ofMinutes(6));
    assertThat(activateJob(type).getKey()).isEqualTo(job.getKey());
  }

  @Test
  void shouldRaiseIncidentWhenNoRetriesLeftAndResolveIt() {
    // given
    String processId = unique("no-retries");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job = activateJob(type);

    // when
    client.newFailCommand(job.getKey()).retries(0).errorMessage("no luck").send().join();

    // then
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.value().errorMessage()).isEqualTo("no luck");
    assertThat(incident.value().jobKey()).isEqualTo(job.getKey());
    assertThat(activateJobsNow(type)).isEmpty();

    // when retries are updated and the incident resolved
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then the job can be worked on again
    ActivatedJob again = activateJob(type);
    client.newCompleteCommand(again.getKey()).send().join();
    awaitCompleted(key);
    assertThat(activeIncidents(key)).isEmpty();
  }

  @Test
  void shouldReactivateTimedOutJobAndRejectLateCompletion() {
    // given a job whose activation by a first worker timed out
    String processId = unique("timeout");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob first =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .send()
            .join()
            .getJobs()
            .get(0);
    EngineExtension.CLOCK.add(Duration.ofMinutes(2));

    // when a second worker gets it again (retries unchanged) and completes it
    ActivatedJob second = activateJob(type);
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(first.getRetries());
    client.newCompleteCommand(second.getKey()).send().join();

    // then the first worker's late completion is rejected
    assertThatThrownBy(() -> client.newCompleteCommand(first.getKey()).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
    awaitCompleted(key);
  }

  @Test
  void shouldAcceptCompletionOfTimedOutJobNobodyTookAgain() {
    String processId = unique("timeout-late");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .send()
            .join()
            .getJobs()
            .get(0);
    EngineExtension.CLOCK.add(Duration.ofMinutes(2));
    await()
        .until(
            () ->
                client
                    .newJobSearchRequest()
                    .filter(f -> f.jobKey(job.getKey()))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .anyMatch(j -> j.getState() == JobState.TIMED_OUT));

    client.newCompleteCommand(job.getKey()).send().join();

    awaitCompleted(key);
  }

  @Test
  void shouldUpdateJobTimeout() {
    String processId = unique("update-timeout");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    start(processId);
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .send()
            .join()
            .getJobs()
            .get(0);

    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(30)).send().join();
    EngineExtension.CLOCK.add(Duration.ofMinutes(2));

    assertThat(activateJobsNow(type)).isEmpty();
    client.newCompleteCommand(job.getKey()).send().join();
  }

  @Test
  void shouldRejectRetriesBelowOne() {
    String processId = unique("retries");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    start(processId);
    ActivatedJob job = activateJob(type);

    assertThatThrownBy(() -> client.newUpdateRetriesCommand(job.getKey()).retries(0).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void shouldRaiseIncidentForUncaughtErrorAndReEnableJobOnResolve() {
    // given
    String processId = unique("uncaught");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job = activateJob(type);

    // when
    client.newThrowErrorCommand(job.getKey()).errorCode("NOPE").errorMessage("why").send().join();

    // then
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.value().errorMessage()).contains("'NOPE'").contains("not caught");
    client.newResolveIncidentCommand(incident.key()).send().join();
    assertThat(activateJob(type).getKey()).isEqualTo(job.getKey());
  }

  @Test
  void shouldWorkWithPollingWorker() {
    String processId = unique("worker");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    try (JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler((c, job) -> c.newCompleteCommand(job).variables(Map.of("done", true)).send())
            .open()) {
      long key = start(processId).getProcessInstanceKey();
      awaitCompleted(key);
      assertThat(variables(key)).containsEntry("done", true);
    }
  }

  @Test
  void shouldHandleTheJobOnceWithAStreamingWorker() {
    String processId = unique("stream");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    List<Long> handled = new CopyOnWriteArrayList<>();
    try (JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (c, job) -> {
                  handled.add(job.getKey());
                  c.newCompleteCommand(job).send().join();
                })
            .pollInterval(Duration.ofHours(1))
            .streamEnabled(true)
            .open()) {
      long key = start(processId).getProcessInstanceKey();
      awaitCompleted(key);
      assertThat(handled).hasSize(1);
    }
  }

  @Test
  void shouldPushJobOnStreamActivatedJobs() throws Exception {
    // the client's worker also polls; the raw stub shows that the stream alone delivers the job
    String processId = unique("raw-stream");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", EngineExtension.ENGINE.grpcPort())
            .usePlaintext()
            .build();
    try {
      CompletableFuture<GatewayOuterClass.ActivatedJob> received = new CompletableFuture<>();
      GatewayGrpc.newStub(channel)
          .streamActivatedJobs(
              GatewayOuterClass.StreamActivatedJobsRequest.newBuilder()
                  .setType(type)
                  .setWorker("raw")
                  .setTimeout(60_000)
                  .build(),
              new StreamObserver<>() {
                @Override
                public void onNext(GatewayOuterClass.ActivatedJob job) {
                  received.complete(job);
                }

                @Override
                public void onError(Throwable t) {
                  received.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {}
              });
      // the job becomes activatable before or after the engine registers the stream (no public
      // view tells which): this engine hands a new stream the jobs already waiting as well as the
      // later ones; either way the raw stub, which never polls, gets it through the stream
      long key = start(processId).getProcessInstanceKey();

      GatewayOuterClass.ActivatedJob job = received.get(2, TimeUnit.MINUTES);
      assertThat(job.getProcessInstanceKey()).isEqualTo(key);
      assertThat(job.getWorker()).isEqualTo("raw");
      client.newCompleteCommand(job.getKey()).send().join();
      awaitCompleted(key);
    } finally {
      channel.shutdownNow();
    }
  }
}
