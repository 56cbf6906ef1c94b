package fr.secondevie.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * What the two console benchmarks load into the runtime before timing: many instances of a process,
 * created with a bounded number of requests in flight, and jobs failed out of retries (each an open
 * incident).
 */
final class ConsoleFixtureLoad {

  private ConsoleFixtureLoad() {}

  /**
   * Creates {@code count} instances of {@code processId}, instance {@code n} (from {@code first})
   * with the variables {@code variables.apply(n)}.
   */
  static void create(
      CamundaClient client,
      String processId,
      int first,
      int count,
      int inFlightMax,
      IntFunction<Map<String, Object>> variables)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(inFlightMax);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger failures = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(variables.apply(first + i))
          .send()
          .whenComplete(
              (r, e) -> {
                if (e != null) {
                  failures.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
              });
    }
    done.await();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " instances of " + processId + " failed");
    }
  }

  /** Fails {@code count} jobs of {@code jobType} with no retry left. */
  static void failJobs(CamundaClient client, String jobType, int count, String message) {
    int failed = 0;
    while (failed < count) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(jobType)
              .maxJobsToActivate(Math.min(500, count - failed))
              .timeout(Duration.ofHours(1))
              .send()
              .join()
              .getJobs();
      for (ActivatedJob job : jobs) {
        client.newFailCommand(job).retries(0).errorMessage(message).send().join();
      }
      failed += jobs.size();
    }
  }
}
