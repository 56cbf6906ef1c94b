package fr.secondevie.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A poor man's profiler of the application: every few seconds a thread dump ({@code jcmd
 * Thread.print}); the job workers' and Tomcat's threads are classified by what they are doing —
 * idle, waiting for MariaDB, rendering a PDF, hashing a password, other work — and by the first
 * application method on their stack.
 */
final class StackSampler implements AutoCloseable {

  private final long pid;
  private final long periodMs;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private int dumps;
  private final Map<String, Integer> workers = new TreeMap<>();
  private final Map<String, Integer> workerMethods = new TreeMap<>();
  private final Map<String, Integer> web = new TreeMap<>();
  private final Map<String, Integer> webMethods = new TreeMap<>();

  StackSampler(long pid, long periodMs) {
    this.pid = pid;
    this.periodMs = periodMs;
    this.thread = new Thread(this::loop, "bench-stack-sampler");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void loop() {
    while (running.get()) {
      try {
        sample(dump());
        Thread.sleep(periodMs);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // a failed dump is skipped
      }
    }
  }

  private String dump() throws Exception {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                "" + pid,
                "Thread.print")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  private synchronized void sample(String dump) {
    dumps++;
    for (String block : dump.split("\n\n")) {
      String trimmed = block.strip();
      if (trimmed.startsWith("\"pool-")) {
        if (!trimmed.contains("JobRunnableFactoryImpl")) {
          workers.merge("idle (no job in hand)", 1, Integer::sum);
          continue;
        }
        workers.merge(activity(trimmed), 1, Integer::sum);
        workerMethods.merge(firstApplicationFrame(trimmed), 1, Integer::sum);
      } else if (trimmed.startsWith("\"http-nio-") && trimmed.contains("-exec-")) {
        if (!trimmed.contains("org.springframework.web")
            && !trimmed.contains("springframework.security")) {
          continue; // idle Tomcat worker
        }
        web.merge(activity(trimmed), 1, Integer::sum);
        webMethods.merge(firstApplicationFrame(trimmed), 1, Integer::sum);
      }
    }
  }

  private static String activity(String stack) {
    String top = frames(stack).stream().findFirst().orElse("");
    if (stack.contains("BCrypt")) {
      return "hashing a password (BCrypt, HTTP Basic)";
    }
    if ((top.contains("Net.poll") || top.contains("SocketDispatcher.read"))
        && stack.contains("org.mariadb.jdbc")) {
      return "waiting for MariaDB";
    }
    if (stack.contains("com.openhtmltopdf") || stack.contains("org.apache.pdfbox")) {
      return "rendering a PDF";
    }
    if (stack.contains("io.grpc") && top.contains("park")) {
      return "waiting for the engine (gRPC)";
    }
    if (stack.contains("org.mariadb.jdbc")) {
      return "JDBC driver (CPU)";
    }
    return "other work (CPU)";
  }

  private static String firstApplicationFrame(String stack) {
    for (String frame : frames(stack)) {
      if (frame.startsWith("fr.secondevie.")
          && !frame.contains("$$")
          && !frame.contains("$Proxy")) {
        String method = frame.substring(0, frame.indexOf('('));
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        // the worker or controller method itself (its class and name)
        return method.substring(dot + 1);
      }
    }
    return "(no application frame)";
  }

  private static List<String> frames(String stack) {
    List<String> frames = new ArrayList<>();
    for (String line : stack.split("\n")) {
      String l = line.strip();
      if (l.startsWith("at ")) {
        frames.add(l.substring(3));
      }
    }
    return frames;
  }

  /** The table of the samples. */
  synchronized String text() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT, "thread dumps: %d, one every %.1f s%n", dumps, periodMs / 1000.0));
    table(s, "job-worker threads (pool-*), by activity", workers);
    table(s, "job-worker threads in a job, innermost application method", workerMethods);
    table(s, "Tomcat threads serving a request, by activity", web);
    table(s, "Tomcat threads serving a request, innermost application method", webMethods);
    return s.toString();
  }

  private static void table(StringBuilder s, String title, Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    s.append("  ").append(title).append(" (").append(total).append(" samples)\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(8)
        .forEach(
            e ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "    %-62s %5d %5.1f%%%n",
                        e.getKey(),
                        e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(5_000);
  }
}
