package fr.secondevie.tasks;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.TestClock;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 4's last "done when", tried as a new user would: the demo users log in through the login
 * form, import the sample GLPI export through the import page, create and launch a campaign over
 * three of its assets through the campaign pages, then work every step through the pages only — the
 * inbox (list, claim, open, submit the rendered form), the wipe report upload page it links to, the
 * reconditioning order page and the dismantling lot page — until the campaign page shows one asset
 * donated, one reconditioned (back in stock) and one recycled, and the asset page shows its
 * timeline. Plain HTTP against the application on a random port with the test JVM's embedded
 * engine; pages read with jsoup and forms sent as a browser without JavaScript sends them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "secondevie.demo.registries=true")
@CamundaSpringProcessTest
class NewUserWalkthroughTests {

  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Path SAMPLES = Path.of("..", "samples");
  static final String RECYCLED = "CHU76-2012-00001";
  static final String DONATED = "CHU76-2018-00011";
  static final String RECONDITIONED = "CHU76-2019-00028";
  static final Pattern INVENTORY_NUMBER = Pattern.compile("CHU76-\\d{4}-\\d{5}");

  @LocalServerPort int port;
  @Autowired CamundaClient camunda;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<ApplicationRunner> runners;

  @Autowired TestClock clock;

  /** Today in Paris by the application's clock, the date typed in the forms. */
  LocalDate today;

  /**
   * The assets are collected before the wipe of the samples (12/03/2026): a wipe report dated
   * before the asset's collection is refused.
   */
  static final LocalDate COLLECTED_ON = LocalDate.of(2026, 3, 10);

  @BeforeEach
  void aFirstEmbeddedRun() throws Exception {
    today = clock.today();
    FirstEmbeddedRun.prepare(jdbc, runners, camunda);
  }

  @Test
  void shouldLetANewUserCarrySampleAssetsToDonationReconditioningAndRecycling() throws Exception {
    // given: the asset manager imports the sample export through the import page
    Browser manager = Browser.login(this, "gestionnaire");
    Page importForm = manager.get("/imports/new");
    Page imported =
        manager.submitMultipart(
            importForm.form("form[action=/imports]"),
            Map.of(),
            "file",
            SAMPLES.resolve("glpi-export-chu.csv"));
    Page result = manager.until(imported.path(), p -> p.text().contains("Import terminé"));
    assertThat(result.text()).contains("64 équipement(s) créé(s)");

    // and creates a campaign over three of its assets, then launches it
    Page newCampaign = manager.get("/campaigns/new");
    Form campaignForm = newCampaign.form("form[action=/campaigns][method=post]");
    campaignForm.set("name", "Renouvellement — essai d'un nouvel utilisateur");
    campaignForm.set("mode", "selection");
    campaignForm.set(
        "assetIds",
        List.of(RECYCLED, DONATED, RECONDITIONED).stream()
            .map(n -> newCampaign.row("tr:contains(" + n + ")"))
            .map(row -> row.selectFirst("input[name=assetIds]").val())
            .toArray(String[]::new));
    Page campaign = manager.submit(campaignForm);
    assertThat(campaign.text()).contains("créée avec 3 équipement(s)");
    String campaignPath = campaign.path();
    campaign = manager.submit(campaign.form("form[action$=/start]"));
    assertThat(campaign.text()).contains("Campagne lancée");

    // when: the technician collects and inspects the three assets from the inbox
    Browser technician = Browser.login(this, "technicien");
    for (int i = 0; i < 3; i++) {
      Page task = technician.claimAndOpen("Collecter et inspecter l'équipement");
      String asset = task.inventoryNumber();
      Form form = task.form("form.task-form");
      if (asset.equals(DONATED)) {
        // two drives, added as rows with the form's own button
        form = technician.submit(form.with("_action", "add:storageDevices")).form("form.task-form");
        form = technician.submit(form.with("_action", "add:storageDevices")).form("form.task-form");
        List<String> serials = form.namesEndingWith(".serialNumber");
        assertThat(serials).hasSize(2);
        fillDrive(form, serials.get(0), "Z9A5V5ZQ", "HDD", "1000");
        fillDrive(form, serials.get(1), "S4GENX0R123456", "NVME", "512");
      } else {
        // no storage row: the form then asks for the attestation, here that the technician
        // opened the computer and found no drive
        form.set("storageAttestation", "VERIFIED_ABSENT");
        form.set("storageVerifiedBy", "Camille Martin (DSI)");
      }
      form.set("conditionGrade", asset.equals(RECONDITIONED) ? "B" : "C");
      form.set("functionalTest", "WORKS");
      if (asset.equals(RECONDITIONED)) {
        form.set("batteryHealthPercent", "40"); // only a laptop's form asks for its battery
      }
      form.set("tpmCleared", "true");
      form.set("uefiReset", "true");
      form.set("labelsRemoved", "true");
      form.set("removableMediaRemoved", "true");
      form.set("collectedOn", COLLECTED_ON.toString());
      form.set("collectionLocation", "Magasin DSI, Charles-Nicolle");
      technician.complete(form);
    }

    // the inbox links the technician to the upload page for the wipe report the process awaits
    Page inbox =
        technician.until(
            "/tasks", p -> p.doc().select("table#waiting tr:contains(" + DONATED + ")").size() > 0);
    Element awaited = inbox.row("table#waiting tr:contains(" + DONATED + ")");
    assertThat(awaited.text()).contains("Rapport d'effacement attendu");
    Page upload = technician.get(awaited.selectFirst("a:containsOwn(Déposer)").attr("href"));
    // the desktop (paediatrics: health data) needs Purge: an nwipe overwrite is only Clear, so the
    // technician sends the outputs of the drives' own erase commands, hdparm for the hard disk and
    // nvme-cli for the NVMe drive
    Form report = upload.form("form[action=/sanitization/reports/commands]");
    assertThat(report.value("inventoryNumber")).isEqualTo(DONATED);
    report.set("operator", "Camille Martin (DSI)");
    report.set("performedOn", "2026-03-12T15:10");
    report.set("verification", "SAMPLING");
    Page reported =
        technician.submitMultipart(
            report,
            Map.of(),
            Map.of(
                "hdparmErase", SAMPLES.resolve("hdparm-security-erase-chu.txt"),
                "hdparmIdentify", SAMPLES.resolve("hdparm-identify-chu.txt"),
                "nvmeIdCtrl", SAMPLES.resolve("nvme-id-ctrl-chu.json"),
                "nvmeSanitizeLog", SAMPLES.resolve("nvme-sanitize-log-chu.json")));
    assertThat(reported.text()).contains("reçu (2 support(s)) et transmis au processus");

    // the director approves the donation
    Browser director = Browser.login(this, "directeur");
    Page approval = director.claimAndOpen("Approuver la cession gratuite");
    assertThat(approval.inventoryNumber()).isEqualTo(DONATED);
    director.complete(approval.form("form.task-form").with("donationDecision", "APPROVED"));

    // the technician hands the desktop over to the beneficiary
    Page handover = technician.claimAndOpen("Remettre l'équipement");
    technician.complete(
        handover
            .form("form.task-form")
            .with("handoverDate", today.toString())
            .with("recipientName", "Jeanne Durand")
            .with("recipientRole", "Présidente de l'association")
            .with("signedReceiptRef", "BR-2026-0001")
            .with("handedOverItems", "COMPUTER"));

    // the workshop records the laptop's reconditioning on its order, which the inbox points to
    inbox =
        technician.until(
            "/tasks",
            p -> p.doc().select("table#waiting tr:contains(" + RECONDITIONED + ")").size() > 0);
    Element reconditioning = inbox.row("table#waiting tr:contains(" + RECONDITIONED + ")");
    Page orders =
        technician.get(reconditioning.selectFirst("a:containsOwn(Enregistrer)").attr("href"));
    Page order =
        technician.get(
            orders
                .row("tr:contains(" + RECONDITIONED + ")")
                .selectFirst("a[href^=/reconditioning-orders/]")
                .attr("href"));
    Page recorded =
        technician.submit(
            order
                .form("form[action$=/completion]")
                .with("result", "RECONDITIONED")
                .with("workDone", "Batterie remplacée, tests de fonctionnement")
                .with("partsReplaced", "Batterie 4 cellules")
                .with("cost", "45,90")
                .with("newGrade", "B")
                .with("lifetimeExtensionMonths", "24"));
    assertThat(recorded.status()).isEqualTo(200);

    // the asset manager closes the lot of the desktop to recycle, from the inbox's link
    inbox =
        manager.until(
            "/tasks",
            p -> p.doc().select("table#waiting tr:contains(Lot de démantèlement)").size() > 0);
    Page lot =
        manager.get(
            inbox
                .row("table#waiting tr:contains(Lot de démantèlement)")
                .selectFirst("a:containsOwn(clore)")
                .attr("href"));
    assertThat(lot.text()).contains(RECYCLED);
    // the asset manager confirms: closing e-mails the pickup order
    lot = manager.submit(lot.form("form[action$=/close]").with("confirm", "true"));
    assertThat(lot.text()).contains("Lot clos");

    // the technician confirms the pickup, the asset manager enters the attestation
    Page pickup = technician.claimAndOpen("Confirmer l'enlèvement");
    technician.complete(
        pickup
            .form("form.task-form")
            .with("pickupDate", today.toString())
            .with("pickedUpUnitCount", "1")
            .with("weightKg", "7,5")
            .with(
                "wasteTrackingNumber",
                "BSD-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-7K2M9P4QX")
            .with("carrierName", "Transports Normands"));
    Page attestation = manager.claimAndOpen("Enregistrer l'attestation");
    manager.complete(
        attestation
            .form("form.task-form")
            .with("recyclingCertificateRef", "CR-2026-0042")
            .with("recyclingCertificateDate", today.toString())
            .with("eaAttestationRef", "ATT-2026-0042")
            .with("invoiceAmountExclTax", "120,00")
            .with("labourCost", "80,00"));

    // then: the campaign page shows the three outcomes and the campaign closed
    Page closed = manager.until(campaignPath, p -> p.text().contains("Bilan de clôture"));
    String byStep = "Équipements par étape";
    assertThat(closed.cells(byStep, "Donné")).isEqualTo("1");
    assertThat(closed.cells(byStep, "En stock")).isEqualTo("1");
    assertThat(closed.cells(byStep, "Recyclé")).isEqualTo("1");
    String byRoute = "Équipements par orientation";
    assertThat(closed.cells(byRoute, "Don")).isEqualTo("1 1");
    assertThat(closed.cells(byRoute, "Reconditionnement")).isEqualTo("1 1");
    assertThat(closed.cells(byRoute, "Recyclage (entreprise adaptée)")).isEqualTo("1 1");
    String summary = "Bilan de clôture";
    assertThat(closed.cells(summary, "Don")).isEqualTo("1");
    assertThat(closed.cells(summary, "Reconditionnement")).isEqualTo("1");
    assertThat(closed.cells(summary, "Recyclage")).isEqualTo("1");
    Matcher instance = Pattern.compile("Instance de processus (\\d+)").matcher(closed.text());
    assertThat(instance.find()).isTrue();
    assertThat(ProcessInstanceSelectors.byKey(Long.parseLong(instance.group(1)))).isCompleted();

    // and the donated asset's page shows its timeline, intact, down to the handover
    Page asset =
        manager.get(
            manager
                .get("/assets?q=" + DONATED)
                .row("tr:contains(" + DONATED + ")")
                .selectFirst("a[href^=/assets/]")
                .attr("href"));
    assertThat(asset.text())
        .contains("Statut Donné")
        .contains("Chaîne de traçabilité")
        .contains("Intègre")
        .contains("Support de stockage relevé")
        .contains("Changement de statut");
    assertThat(asset.text().indexOf("Effacement en cours"))
        .isLessThan(asset.text().lastIndexOf("Donné"));

    // and the timeline names the people who did the work, in plain French (issue 14)
    Element timeline = asset.doc().selectFirst("ol.timeline");
    assertThat(timeline).isNotNull();
    assertThat(timeline.html()).doesNotContain("worker:");
    Element readable = timeline.clone();
    readable.select("details").remove();
    String said = readable.text();
    assertThat(entry(readable, "Support de stockage relevé")).contains("par technicien");
    assertThat(entry(readable, "Convention de cession gratuite")).contains("par directeur");
    assertThat(entry(readable, "Remise / transfert de garde"))
        .contains("par technicien")
        .contains("Jeanne Durand");
    assertThat(entry(readable, "Retrait en cours"))
        .contains("par système")
        .contains("Étape « Passer l'équipement en retrait »");
    assertThat(said)
        .doesNotContainPattern(
            "\\b(PASSED|PURGE|NVME|HDD|COMPUTER|POWER_SUPPLY|DONATION_AGREEMENT)\\b")
        .doesNotContain("mark-", "asset-end-of-life", "asset-route", "0.0 €", "sha256")
        .doesNotContainPattern("\\d+\\.\\d+ ans")
        // ISO dates (a document's file name may hold one)
        .doesNotContainPattern("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}")
        .doesNotContainPattern("[0-9a-f]{64}")
        .containsPattern("\\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}");
    // the hashes and technical ids stay, behind "Détails"
    assertThat(timeline.select("details summary").eachText())
        .allMatch(t -> t.startsWith("Détails"));
    assertThat(timeline.select("details").text()).containsPattern("[0-9a-f]{64}");
  }

  /** The text of the timeline entry whose text contains that label (the first one). */
  private static String entry(Element timeline, String label) {
    return timeline.select("li").stream()
        .map(Element::text)
        .filter(t -> t.contains(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no timeline entry " + label));
  }

  private static void fillDrive(
      Form form, String serialName, String serial, String type, String capacity) {
    String row = serialName.substring(0, serialName.length() - ".serialNumber".length());
    form.set(serialName, serial);
    form.set(row + ".type", type);
    form.set(row + ".capacityGb", capacity);
  }

  /** One user's browser without JavaScript: a cookie jar, redirects followed. */
  record Browser(NewUserWalkthroughTests test, String user, HttpClient http) {

    static Browser login(NewUserWalkthroughTests test, String user) throws Exception {
      Browser browser =
          new Browser(
              test,
              user,
              HttpClient.newBuilder()
                  .cookieHandler(new CookieManager())
                  .followRedirects(HttpClient.Redirect.NORMAL)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build());
      Page login = browser.get("/login");
      Page home =
          browser.submit(
              login.form("form[action=/login]").with("username", user).with("password", "demo"));
      assertThat(home.path()).as("%s logged in", user).isEqualTo("/");
      assertThat(home.text()).contains("Connecté : " + user);
      return browser;
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + test.port).resolve(path);
    }

    Page get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Page submit(Form form) throws IOException, InterruptedException {
      StringBuilder body = new StringBuilder();
      form.data.forEach(
          (name, values) ->
              values.forEach(
                  v ->
                      body.append(body.isEmpty() ? "" : "&")
                          .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                          .append('=')
                          .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
      return send(
          HttpRequest.newBuilder(uri(form.action))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build());
    }

    Page submitMultipart(Form form, Map<String, String> fields, String fileField, Path file)
        throws IOException, InterruptedException {
      return submitMultipart(form, fields, Map.of(fileField, file));
    }

    Page submitMultipart(Form form, Map<String, String> fields, Map<String, Path> files)
        throws IOException, InterruptedException {
      String boundary = "----walkthrough" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      Map<String, List<String>> data = new LinkedHashMap<>(form.data);
      fields.forEach((k, v) -> data.put(k, List.of(v)));
      for (Map.Entry<String, List<String>> field : data.entrySet()) {
        for (String value : field.getValue()) {
          body.writeBytes(
              ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                      .formatted(boundary, field.getKey(), value))
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      for (Map.Entry<String, Path> file : files.entrySet()) {
        body.writeBytes(
            ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
                .formatted(boundary, file.getKey(), file.getValue().getFileName())
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file.getValue()));
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return send(
          HttpRequest.newBuilder(uri(form.action))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build());
    }

    Page send(HttpRequest request) throws IOException, InterruptedException {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode())
          .as("%s %s as %s", request.method(), request.uri(), user)
          .isLessThan(400);
      return new Page(
          response.uri().getRawPath()
              + (response.uri().getRawQuery() == null ? "" : "?" + response.uri().getRawQuery()),
          response.statusCode(),
          Jsoup.parse(response.body(), response.uri().toString()));
    }

    /** The page, reloaded until it shows what the test waits for (the workers run apart). */
    Page until(String path, Function<Page, Boolean> shown)
        throws IOException, InterruptedException {
      AtomicReference<Page> page = new AtomicReference<>();
      Awaitility.await("waiting on %s as %s".formatted(path, user))
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                page.set(get(path));
                return shown.apply(page.get());
              });
      return page.get();
    }

    /** Takes the first open task of that name in the inbox list, then opens its page. */
    Page claimAndOpen(String title) throws IOException, InterruptedException {
      Page inbox = until("/tasks", p -> p.task(title).isPresent());
      Element row = inbox.task(title).orElseThrow();
      String href = row.selectFirst("td.task a").attr("href");
      Element claim = row.selectFirst("form[action$=/claim]");
      if (claim != null) {
        Page claimed = submit(Form.of(claim));
        assertThat(claimed.text()).contains("» prise");
        // taking a task opens it
        assertThat(claimed.path()).isEqualTo(href);
      }
      Page task = get(href);
      assertThat(task.text()).contains(title).contains("Assignée à vous");
      return task;
    }

    /** Submits the task form with "Terminer la tâche" and checks the inbox says it is done. */
    void complete(Form form) throws IOException, InterruptedException {
      Page done = submit(form.with("_action", "complete"));
      assertThat(done.path()).as(done.text()).isEqualTo("/tasks");
      assertThat(done.text()).contains("est terminée");
    }
  }

  /** A page as the browser received it. */
  record Page(String path, int status, Document doc) {

    String text() {
      return doc.body().text();
    }

    Form form(String selector) {
      Element form = doc.selectFirst(selector);
      assertThat(form).as("form %s on %s", selector, path).isNotNull();
      return Form.of(form);
    }

    Element row(String selector) {
      Element row = doc.selectFirst(selector);
      assertThat(row).as("%s on %s", selector, path).isNotNull();
      return row;
    }

    /** The inbox row of the first task of that name. */
    Optional<Element> task(String title) {
      return doc.select("table#tasks tbody tr").stream()
          .filter(
              r ->
                  r.selectFirst("td.task a") != null
                      && r.selectFirst("td.task a").text().equals(title))
          .findFirst();
    }

    /** The inventory number of the asset of a task page (its context). */
    String inventoryNumber() {
      Matcher m = INVENTORY_NUMBER.matcher(text().substring(text().indexOf("Équipement")));
      assertThat(m.find()).as("asset on %s", path).isTrue();
      return m.group();
    }

    /** The cells after the header cell of the row headed by that text, in the captioned table. */
    String cells(String caption, String header) {
      return doc.select("table").stream()
          .filter(t -> t.selectFirst("caption") != null)
          .filter(t -> t.selectFirst("caption").text().startsWith(caption))
          .flatMap(t -> t.select("tbody tr").stream())
          .filter(r -> r.child(0).text().equals(header))
          .findFirst()
          .map(r -> String.join(" ", r.children().stream().skip(1).map(Element::text).toList()))
          .orElseThrow(
              () -> new AssertionError("no row " + header + " in " + caption + " on " + path));
    }
  }

  /** A form's fields as a browser without JavaScript sends them. */
  static final class Form {
    final String action;
    final Map<String, List<String>> data = new LinkedHashMap<>();

    private Form(String action) {
      this.action = action;
    }

    static Form of(Element form) {
      Form f = new Form(form.attr("action"));
      for (Element field : form.select("input, select, textarea")) {
        String name = field.attr("name");
        if (name.isEmpty() || field.hasAttr("disabled") || field.parents().is("template")) {
          continue;
        }
        String type = field.attr("type").toLowerCase();
        switch (field.tagName()) {
          case "select" -> {
            Element option = field.selectFirst("option[selected]");
            option = option == null ? field.selectFirst("option") : option;
            f.add(name, option == null ? "" : option.val());
          }
          case "textarea" -> f.add(name, field.val());
          default -> {
            if (List.of("submit", "button", "reset", "file", "image").contains(type)) {
              continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
              continue;
            }
            f.add(name, field.hasAttr("value") ? field.val() : "on");
          }
        }
      }
      return f;
    }

    private void add(String name, String value) {
      data.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    void set(String name, String... values) {
      data.put(name, List.of(values));
    }

    Form with(String name, String value) {
      set(name, value);
      return this;
    }

    String value(String name) {
      List<String> values = data.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> namesEndingWith(String suffix) {
      return data.keySet().stream().filter(n -> n.endsWith(suffix)).toList();
    }
  }
}
