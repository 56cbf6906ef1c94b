package fr.secondevie.bench;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.EngineCredentials;
import fr.secondevie.engine.record.FileRecordStore;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs N instances (default 10,000) of a process with three service tasks through the embedded
 * engine, with real job workers of the Camunda Java client over gRPC, and prints throughput,
 * create-to-complete latency percentiles, heap after the run and the engine's start time.
 *
 * <p>Each instance is created with CreateProcessInstanceWithResult, so its latency is measured from
 * the create request to the response telling that the instance completed. At most {@value
 * #IN_FLIGHT} instances run at once.
 *
 * <p>The store is chosen by {@code -Dbench.store} (or the environment variable {@code BENCH_STORE},
 * or the second argument): {@code memory} (default), {@code file} (the durable journal, forced to
 * disk at the end of each command) or {@code file-nosync} (the journal without forcing, to measure
 * what the fsync costs). With a journal, it also prints the journal's size and the time an engine
 * takes to start again on it (replay).
 */
public final class EngineBenchmark {

  private static final int IN_FLIGHT = 256;
  private static final int WARM_UP = 1_000;
  private static final String PROCESS_ID = "bench-three-tasks";
  private static final List<String> TYPES = List.of("bench.reserve", "bench.charge", "bench.ship");

  /** Every call carries credentials, as in the application's embedded mode. */
  private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

  private EngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String store =
        args.length > 1
            ? args[1]
            : System.getProperty(
                "bench.store", System.getenv().getOrDefault("BENCH_STORE", "memory"));
    Path dataDir =
        store.equals("memory") ? null : Files.createTempDirectory("secondevie-bench-journal");

    long startBegin = System.nanoTime();
    EmbeddedEngine engine = engine(store, dataDir).start();
    long startMillis = (System.nanoTime() - startBegin) / 1_000_000;

    try (engine;
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .preferRestOverGrpc(false)
                .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                .credentialsProvider(
                    CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                        .username(CREDENTIALS.username())
                        .password(CREDENTIALS.password())
                        .build())
                .numJobWorkerExecutionThreads(2)
                .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(model(), PROCESS_ID + ".bpmn")
          .send()
          .join();
      List<JobWorker> workers = new ArrayList<>();
      for (String type : TYPES) {
        workers.add(
            client
                .newWorker()
                .jobType(type)
                .handler((c, job) -> c.newCompleteCommand(job).variables(Map.of(type, true)).send())
                .maxJobsActive(IN_FLIGHT)
                .pollInterval(Duration.ofMillis(10))
                .open());
      }

      run(client, WARM_UP);
      long[] latencies = new long[instances];
      long begin = System.nanoTime();
      run(client, instances, latencies);
      double seconds = (System.nanoTime() - begin) / 1e9;

      workers.forEach(JobWorker::close);
      Arrays.sort(latencies);
      System.gc();
      Thread.sleep(200);
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

      System.out.printf(
          "Seconde Vie engine benchmark: %d instances of %s (3 service tasks, %d in flight),"
              + " store %s%n",
          instances, PROCESS_ID, IN_FLIGHT, store);
      System.out.printf("  engine start          %d ms%n", startMillis);
      System.out.printf(
          "  throughput            %.0f instances/s (%.1f s)%n", instances / seconds, seconds);
      System.out.printf(
          "  create-to-complete    p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[instances - 1] / 1e6);
      System.out.printf(
          "  heap used after GC    %d MB (history of %d instances kept)%n",
          heapMb, instances + WARM_UP);
    }
    if (dataDir != null) {
      restart(store, dataDir, instances + WARM_UP);
    }
  }

  private static EmbeddedEngine engine(String store, Path dataDir) {
    EmbeddedEngine.Builder builder =
        EmbeddedEngine.builder().grpcPort(0).restPort(0).basicAuth(CREDENTIALS);
    switch (store) {
      case "memory" -> {}
      case "file" -> builder.dataDirectory(dataDir);
      case "file-nosync" -> builder.recordStore(() -> FileRecordStore.open(dataDir, false));
      default ->
          throw new IllegalArgumentException(
              "Expected bench.store to be memory, file or file-nosync but it is " + store);
    }
    return builder.build();
  }

  /** Starts an engine again on the journal of the run and prints how long the replay took. */
  private static void restart(String store, Path dataDir, int instances) throws IOException {
    Path journal = dataDir.resolve(FileRecordStore.JOURNAL_FILE);
    long bytes = Files.size(journal);
    long records;
    try (var lines = Files.lines(journal)) {
      records = lines.filter(line -> line.contains(" {\"position\":")).count();
    }
    System.gc();
    long begin = System.nanoTime();
    try (EmbeddedEngine restarted = engine(store, dataDir).start()) {
      long millis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
      System.out.printf(
          "  journal               %.1f MB, %d records (%.0f bytes and %.1f records per instance)%n",
          bytes / 1e6, records, (double) bytes / instances, (double) records / instances);
      System.out.printf(
          "  restart on journal    %d ms (%.0f records/s replayed)%n",
          millis, records * 1000.0 / millis);
    } finally {
      try (var files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent()
        .serviceTask("reserve", t -> t.zeebeJobType(TYPES.get(0)))
        .serviceTask("charge", t -> t.zeebeJobType(TYPES.get(1)))
        .serviceTask("ship", t -> t.zeebeJobType(TYPES.get(2)))
        .endEvent()
        .done();
  }

  private static void run(CamundaClient client, int count) throws InterruptedException {
    run(client, count, new long[count]);
  }

  private static void run(CamundaClient client, int count, long[] latencies)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger failures = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int index = i;
      long sent = System.nanoTime();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(PROCESS_ID)
          .latestVersion()
          .variables(Map.of("order", index))
          .withResult()
          .requestTimeout(Duration.ofSeconds(60))
          .send()
          .whenComplete(
              (result, error) -> {
                latencies[index] = System.nanoTime() - sent;
                if (error != null && failures.getAndIncrement() == 0) {
                  error.printStackTrace();
                }
                inFlight.release();
                done.countDown();
              });
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("Expected all instances to complete within 10 minutes");
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " instances failed");
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
