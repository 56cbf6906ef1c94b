package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged application starts in embedded mode from its jar alone — the run classpath, not the
 * test classpath: MariaDB and the engine in-process, the login page served. (A dependency scoped
 * for tests only once took the engine's DMN library away at run time; only this test sees that.)
 */
class PackagedApplicationIT {

  private static final Pattern READY =
      Pattern.compile("Seconde Vie is ready .*open http://localhost:(\\d+)/");

  @Test
  void shouldStartFromItsJarWithTheEngineAndServeTheLoginPage() throws Exception {
    // given
    Path jar = applicationJar();
    List<String> log = new CopyOnWriteArrayList<>();
    Process app =
        new ProcessBuilder(
                javaExecutable(),
                "-jar",
                jar.toString(),
                "--server.port=0",
                "--secondevie.embedded.mariadb.ephemeral=true",
                "--secondevie.embedded.engine.ephemeral=true",
                // first start without demo mode: the admin's one-time password file
                "--secondevie.security.initial-admin-password-file=target/it-initial-admin-password.txt")
            .redirectErrorStream(true)
            .start();
    try {
      // when
      int port = awaitReadyPort(app, log);

      // then
      HttpResponse<String> login =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("Seconde Vie");
      assertThat(log).anyMatch(line -> line.contains("Using the throw-away engine of this JVM"));
      assertThat(log).noneMatch(line -> line.contains(" ERROR "));
      // the process contract is read from the packaged classes as from the build's: every job type
      int jobTypes = fr.secondevie.models.ProcessContract.ofApplication().jobTypes().size();
      assertThat(jobTypes).isPositive();
      assertThat(log)
          .anyMatch(line -> line.contains("Process contract: " + jobTypes + " job types,"));
      // and so are the variables the workers require (read from the class files)
      int required = fr.secondevie.models.ProcessContract.ofApplication().requiredVariableCount();
      assertThat(required).isPositive();
      assertThat(log).anyMatch(line -> line.contains(required + " variables required by workers"));
    } finally {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  private static int awaitReadyPort(Process app, List<String> log) throws Exception {
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  log.add(line);
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    ready.complete(Integer.parseInt(m.group(1)));
                  }
                }
                ready.completeExceptionally(
                    new AssertionError("The application stopped:\n" + String.join("\n", log)));
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "app-log");
    reader.setDaemon(true);
    reader.start();
    try {
      return ready.get(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Not ready after 3 minutes:\n" + String.join("\n", log));
    }
  }

  private static Path applicationJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("seconde-vie-app-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith(".original"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No packaged application jar under target/"));
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
