package fr.secondevie.tasks;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.TestClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14's "done when", in a real browser: the README's walkthrough done in headless Chromium as
 * a new user would (login form, GLPI import page, campaign creation and start, inbox tasks with
 * their rendered forms and their scripts, wipe report upload, reconditioning order, lot closing,
 * campaign page, asset page with its timeline, indicators page). Every page state visited passes
 * axe-core's WCAG 2.1 A/AA rules and reflows at 320 px without horizontal scrolling (see {@link
 * ChromiumPages}); its screenshots are kept under {@code target/screenshots/}. Same server as
 * {@link NewUserWalkthroughTests}: random port, the test JVM's embedded engine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "secondevie.demo.registries=true")
@CamundaSpringProcessTest
class WalkthroughBrowserIT {

  static final Path SAMPLES = Path.of("..", "samples");
  static final String RECYCLED = "CHU76-2012-00001";
  static final String DONATED = "CHU76-2018-00011";
  static final String RECONDITIONED = "CHU76-2019-00028";
  static final LocalDate COLLECTED_ON = LocalDate.of(2026, 3, 10);

  @LocalServerPort int port;
  @Autowired CamundaClient camunda;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<ApplicationRunner> runners;
  @Autowired TestClock clock;

  ChromiumPages browser;
  LocalDate today;

  @BeforeEach
  void aFirstEmbeddedRunAndABrowser() throws Exception {
    today = clock.today();
    FirstEmbeddedRun.prepare(jdbc, runners, camunda);
    browser = new ChromiumPages(port);
  }

  @AfterEach
  void closeTheBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      // what was found, also when the walkthrough stopped half-way
      Files.createDirectories(ChromiumPages.SCREENSHOTS);
      Files.write(
          ChromiumPages.SCREENSHOTS.resolve(
              "findings-" + test.getTestMethod().map(m -> m.getName()).orElse("test") + ".txt"),
          (String.join("\n", browser.states())
                  + "\n\n"
                  + String.join("\n", browser.findings())
                  + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      browser.close();
    }
  }

  @Test
  void shouldCarryTheWalkthroughInChromiumWithNoAccessibilityViolationAndNoSidewaysScrolling()
      throws Exception {
    ChromiumPages b = browser;

    // given: a mistyped password, then the asset manager logs in and imports the sample export
    b.open("/login");
    b.check("connexion");
    WebElement login = b.form("form[action='/login']");
    b.set(login, "username", "gestionnaire");
    b.set(login, "password", "pas le bon mot de passe");
    b.submitWith(login.findElement(By.cssSelector("button[type=submit]")));
    assertThat(b.title()).startsWith("Erreur : ");
    assertThat(b.js("return document.activeElement.textContent").toString())
        .contains("Identifiant ou mot de passe incorrect");
    b.check("connexion-erreur");
    b.loginAs("gestionnaire", "gestionnaire");
    b.check("accueil-gestionnaire");
    b.open("/imports/new");
    b.check("import-glpi");
    WebElement importForm = b.form("form[action='/imports']");
    b.set(importForm, "file", SAMPLES.resolve("glpi-export-chu.csv").toString());
    b.submitWith(importForm.findElement(By.cssSelector("button[type=submit]")));
    b.until(b.path(), p -> p.text().contains("Import terminé"));
    assertThat(b.text()).contains("64 équipement(s) créé(s)");
    b.check("import-termine");

    // and creates a campaign over three of its assets, then launches it
    b.open("/campaigns/new");
    b.check("campagne-nouvelle");
    WebElement campaignForm = b.form("form[action='/campaigns'][method=post]");
    b.set(campaignForm, "name", "Renouvellement — essai dans un navigateur");
    b.set(campaignForm, "mode", "selection");
    for (String asset : List.of(RECYCLED, DONATED, RECONDITIONED)) {
      WebElement box =
          b.find(By.xpath("//tr[contains(., '%s')]//input[@name='assetIds']".formatted(asset)));
      if (!box.isSelected()) {
        b.js("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
      }
    }
    b.submitWith(campaignForm.findElement(By.xpath(".//button[.='Créer la campagne']")));
    assertThat(b.text()).contains("créée avec 3 équipement(s)");
    b.check("campagne-creee");
    String campaignPath = b.path();
    b.submitWith(b.find(By.cssSelector("form[action$='/start'] button")));
    assertThat(b.text()).contains("Campagne lancée");
    b.check("campagne-lancee");

    // when: the technician collects and inspects the three assets from the inbox
    b.loginAs("technicien", "technicien");
    b.check("accueil-technicien");
    b.until("/tasks", p -> p.taskRow("Collecter et inspecter l'équipement") != null);
    b.check("boite-de-taches");
    for (int i = 0; i < 3; i++) {
      b.claimAndOpen("Collecter et inspecter l'équipement", "collecte-" + (i + 1));
      String asset = inventoryNumberOfTask(b);
      WebElement form = b.form("form.task-form");
      if (asset.equals(DONATED)) {
        // two drives, added as rows with the form's own button
        // (task-form.js adds the row in the page; without script the server adds it)
        By serialFields = By.cssSelector("form.task-form input[name$='.serialNumber']");
        for (int row = 1; row <= 2; row++) {
          b.find(By.cssSelector("form.task-form button[value='add:storageDevices']")).click();
          int rows = row;
          Awaitility.await("row " + row + " of storage devices")
              .atMost(ChromiumPages.PATIENCE)
              .ignoreExceptions()
              .until(() -> b.driver().findElements(serialFields).size() == rows);
        }
        form = b.form("form.task-form");
        List<String> serials =
            form.findElements(By.cssSelector("input[name$='.serialNumber']")).stream()
                .map(e -> e.getAttribute("name"))
                .toList();
        assertThat(serials).hasSize(2);
        fillDrive(b, form, serials.get(0), "Z9A5V5ZQ", "HDD", "1000");
        fillDrive(b, form, serials.get(1), "S4GENX0R123456", "NVME", "512");
        b.check("collecte-supports");
      } else {
        b.set(form, "storageAttestation", "VERIFIED_ABSENT");
        b.set(form, "storageVerifiedBy", "Camille Martin (DSI)");
      }
      b.set(form, "conditionGrade", asset.equals(RECONDITIONED) ? "B" : "C");
      b.set(form, "functionalTest", "WORKS");
      if (asset.equals(RECONDITIONED)) {
        b.set(form, "batteryHealthPercent", "40");
      }
      for (String check : List.of("tpmCleared", "uefiReset", "labelsRemoved")) {
        b.set(form, check, "true");
      }
      b.set(form, "removableMediaRemoved", "true");
      b.set(form, "collectedOn", COLLECTED_ON.toString());
      b.set(form, "collectionLocation", "Magasin DSI, Charles-Nicolle");
      b.complete(form, "collecte-" + (i + 1));
    }

    // the inbox links the technician to the upload page for the wipe report the process awaits
    By awaited =
        By.xpath(
            "//table[@id='waiting']//tr[contains(., '%s')]//a[contains(., 'Déposer')]"
                .formatted(DONATED));
    b.until("/tasks", p -> p.has(awaited));
    b.check("boite-a-faire-ailleurs");
    b.submitWith(b.find(awaited));
    b.check("rapport-effacement");
    WebElement report = b.form("form[action='/sanitization/reports/commands']");
    assertThat(report.findElement(By.name("inventoryNumber")).getAttribute("value"))
        .isEqualTo(DONATED);
    b.set(report, "operator", "Camille Martin (DSI)");
    b.set(report, "performedOn", "2026-03-12T15:10");
    b.set(report, "verification", "SAMPLING");
    for (Map.Entry<String, String> file :
        Map.of(
                "hdparmErase", "hdparm-security-erase-chu.txt",
                "hdparmIdentify", "hdparm-identify-chu.txt",
                "nvmeIdCtrl", "nvme-id-ctrl-chu.json",
                "nvmeSanitizeLog", "nvme-sanitize-log-chu.json")
            .entrySet()) {
      b.set(report, file.getKey(), SAMPLES.resolve(file.getValue()).toString());
    }
    b.submitWith(report.findElement(By.cssSelector("button[type=submit]")));
    assertThat(b.text()).contains("reçu (2 support(s)) et transmis au processus");
    b.check("rapport-effacement-recu");

    // the director approves the donation
    b.loginAs("directeur", "directeur");
    b.check("accueil-directeur");
    b.claimAndOpen("Approuver la cession gratuite", "approbation");
    assertThat(inventoryNumberOfTask(b)).isEqualTo(DONATED);
    WebElement approval = b.form("form.task-form");
    b.set(approval, "donationDecision", "APPROVED");
    b.complete(approval, "approbation");

    // the technician hands the desktop over to the beneficiary
    b.loginAs("technicien", "technicien");
    b.claimAndOpen("Remettre l'équipement", "remise");
    WebElement handover = b.form("form.task-form");
    b.set(handover, "handoverDate", today.toString());
    b.set(handover, "recipientName", "Jeanne Durand");
    b.set(handover, "recipientRole", "Présidente de l'association");
    b.set(handover, "signedReceiptRef", "BR-2026-0001");
    b.set(handover, "handedOverItems", "COMPUTER");
    b.complete(handover, "remise");

    // the workshop records the laptop's reconditioning on its order, which the inbox points to
    By reconditioning =
        By.xpath(
            "//table[@id='waiting']//tr[contains(., '%s')]//a[contains(., 'Enregistrer')]"
                .formatted(RECONDITIONED));
    b.until("/tasks", p -> p.has(reconditioning));
    b.submitWith(b.find(reconditioning));
    b.check("remises-en-etat");
    b.submitWith(
        b.find(
            By.xpath(
                "//tr[contains(., '%s')]//a[starts-with(@href, '/reconditioning-orders/')]"
                    .formatted(RECONDITIONED))));
    b.check("ordre-remise-en-etat");
    WebElement order = b.form("form[action$='/completion']");
    b.set(order, "result", "RECONDITIONED");
    b.set(order, "workDone", "Batterie remplacée, tests de fonctionnement");
    b.set(order, "partsReplaced", "Batterie 4 cellules");
    b.set(order, "cost", "45,90");
    b.set(order, "newGrade", "B");
    b.set(order, "lifetimeExtensionMonths", "24");
    b.submitWith(order.findElement(By.cssSelector("button[type=submit]")));
    b.check("remise-en-etat-enregistree");

    // the asset manager closes the lot of the desktop to recycle, from the inbox's link
    b.loginAs("gestionnaire", "gestionnaire");
    By lotLink =
        By.xpath(
            "//table[@id='waiting']//tr[contains(., 'Lot de démantèlement')]"
                + "//a[contains(., 'clore')]");
    b.until("/tasks", p -> p.has(lotLink));
    b.submitWith(b.find(lotLink));
    assertThat(b.text()).contains(RECYCLED);
    b.check("lot");
    closeLot(b);
    assertThat(b.text()).contains("Lot clos");
    b.check("lot-clos");

    // the technician confirms the pickup, the asset manager enters the attestation
    b.loginAs("technicien", "technicien");
    b.claimAndOpen("Confirmer l'enlèvement", "enlevement");
    WebElement pickup = b.form("form.task-form");
    b.set(pickup, "pickupDate", today.toString());
    b.set(pickup, "pickedUpUnitCount", "1");
    b.set(pickup, "weightKg", "7,5");
    b.set(
        pickup,
        "wasteTrackingNumber",
        "BSD-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-7K2M9P4QX");
    b.set(pickup, "carrierName", "Transports Normands");
    b.complete(pickup, "enlevement");
    b.loginAs("gestionnaire", "gestionnaire");
    b.claimAndOpen("Enregistrer l'attestation", "attestation");
    WebElement attestation = b.form("form.task-form");
    b.set(attestation, "recyclingCertificateRef", "CR-2026-0042");
    b.set(attestation, "recyclingCertificateDate", today.toString());
    b.set(attestation, "eaAttestationRef", "ATT-2026-0042");
    b.set(attestation, "invoiceAmountExclTax", "120,00");
    b.set(attestation, "labourCost", "80,00");
    b.complete(attestation, "attestation");

    // then: the campaign page shows the campaign closed, the asset page its timeline
    b.until(campaignPath, p -> p.text().contains("Bilan de clôture"));
    b.check("campagne-close");
    b.open("/assets?q=" + DONATED);
    b.check("inventaire-recherche");
    b.submitWith(
        b.find(
            By.xpath(
                "//tr[contains(., '%s')]//a[starts-with(@href, '/assets/')]".formatted(DONATED))));
    assertThat(b.text())
        .contains("Donné")
        .contains("Chaîne de traçabilité")
        .contains("Intègre")
        .contains("Support de stockage relevé");
    b.check("equipement-historique");
    // the docs' picture of this page starts a little above its timeline
    int timelineTop = Math.max(0, b.offsetOf("ol.timeline") - 160);

    // and the other pages of the menu, as the asset manager sees them after the walkthrough
    for (Map.Entry<String, String> page :
        List.of(
            Map.entry("/assets", "inventaire"),
            Map.entry("/campaigns", "campagnes"),
            Map.entry("/beneficiaries", "dons"),
            Map.entry("/adapted-companies", "recyclage"),
            Map.entry("/purchases", "achats"),
            Map.entry("/notifications", "boite-d-envoi"),
            Map.entry("/suppliers", "fournisseurs"),
            Map.entry("/console", "console"))) {
      b.open(page.getKey());
      assertThat(b.text())
          .as("page %s", page.getKey())
          .doesNotContain("Accès refusé")
          .doesNotContain("Une erreur est survenue")
          .doesNotContain("Page introuvable");
      b.check(page.getValue());
    }

    // and the console shows an instance in incident: a job failed out of retries (a small
    // process of this test, whose job no worker of the application serves)
    long inIncident = instanceInIncident("Imprimante d'étiquettes injoignable (délai dépassé)");
    b.open("/console/incidents");
    assertThat(b.text()).contains("Imprimante d'étiquettes injoignable");
    b.check("console-incidents");
    b.open("/console/instances/" + inIncident);
    assertThat(b.text()).contains("Incident").contains("Imprimer l'étiquette de réforme");
    assertThat(b.has(By.cssSelector("svg"))).as("the instance's diagram").isTrue();
    b.check("console-instance-incident");

    // and the auditor reads the indicators
    b.loginAs("auditeur", "auditeur");
    b.open("/indicators");
    assertThat(b.text()).contains("Indicateurs");
    b.check("indicateurs");

    // and an address that names nothing shows the French error page in the layout
    b.open("/assets/pas-un-numero");
    assertThat(b.text()).contains("Page introuvable");
    assertThat(b.has(By.cssSelector("nav[aria-label='Menu principal']"))).isTrue();
    b.check("page-introuvable");

    // and every page state visited passed axe and reflowed
    System.out.printf(
        "WalkthroughBrowserIT: %d page states checked:%n  %s%n",
        b.states().size(), String.join("\n  ", b.states()));
    assertThat(b.findings())
        .as("axe-core WCAG 2.1 A/AA violations and reflow failures on %d page states", b.states())
        .isEmpty();
    keepForTheDocs(
        Map.of(
            "accueil-gestionnaire", "home.png",
            "boite-de-taches", "inbox.png",
            "collecte-supports", "task-form.png",
            "equipement-historique", "asset-timeline.png",
            "console-instance-incident", "console-incident.png"),
        Map.of("equipement-historique", timelineTop));
  }

  @Test
  void shouldReportAnAccessibilityViolationAndSidewaysScrollingWhereThereAreSome() {
    // given a page with an image without text alternative and a block wider than 320 px
    browser.open("/login");
    browser.js(
        "const img = document.createElement('img'); img.src = '/favicon.ico';"
            + " document.querySelector('main').appendChild(img);"
            + " const wide = document.createElement('p'); wide.textContent = 'large';"
            + " wide.className = 'trop-large'; wide.style.width = '900px';"
            + " document.querySelector('main').appendChild(wide);");

    // when
    browser.check("controle-des-verifications");

    // then both checks see it
    assertThat(browser.findings()).hasSize(2);
    assertThat(browser.findings().get(0)).startsWith("axe image-alt (critical) on /login");
    assertThat(browser.findings().get(1)).startsWith("reflow on /login").contains("p.trop-large");
  }

  /** Deploys a one-task process, starts it and fails its job with no retry left. */
  private long instanceInIncident(String message) {
    String jobType = "walkthrough.print-label";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("walkthrough-label-printing")
            .name("Étiquetage de réforme (essai)")
            .startEvent("label-requested")
            .name("Étiquette demandée")
            .serviceTask(
                "print-label", t -> t.name("Imprimer l'étiquette de réforme").zeebeJobType(jobType))
            .endEvent("label-printed")
            .name("Étiquette imprimée")
            .done();
    camunda
        .newDeployResourceCommand()
        .addProcessModel(model, "walkthrough-label-printing.bpmn")
        .send()
        .join();
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId("walkthrough-label-printing")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    List<ActivatedJob> jobs = new java.util.ArrayList<>();
    Awaitility.await("job of the label printing")
        .until(
            () -> {
              jobs.addAll(
                  camunda
                      .newActivateJobsCommand()
                      .jobType(jobType)
                      .maxJobsToActivate(1)
                      .send()
                      .join()
                      .getJobs());
              return !jobs.isEmpty();
            });
    camunda.newFailCommand(jobs.get(0)).retries(0).errorMessage(message).send().join();
    Awaitility.await("incident of the label printing")
        .until(
            () ->
                !camunda
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .send()
                    .join()
                    .items()
                    .isEmpty());
    return key;
  }

  /**
   * Closes the lot: ticks "Je confirme" (the pickup order is e-mailed at once), then the button.
   */
  private static void closeLot(ChromiumPages b) {
    WebElement close = b.form("form[action$='/close']");
    b.set(close, "confirm", "true");
    b.submitWith(close.findElement(By.cssSelector("button[type=submit]")));
  }

  private static String inventoryNumberOfTask(ChromiumPages b) {
    return b.find(By.xpath("//dt[normalize-space(.)='Équipement']/following-sibling::dd[1]/a"))
        .getText();
  }

  private static void fillDrive(
      ChromiumPages b, WebElement form, String serialName, String serial, String type, String gb) {
    String row = serialName.substring(0, serialName.length() - ".serialNumber".length());
    b.set(form, serialName, serial);
    b.set(form, row + ".type", type);
    b.set(form, row + ".capacityGb", gb);
  }

  /**
   * Copies a few screenshots to docs/screenshots/ when asked (-Dscreenshots.docs=true), cut to 1100
   * pixels to keep them small: from the top of the page, or from the offset given for that shot.
   */
  private static void keepForTheDocs(Map<String, String> shots, Map<String, Integer> tops)
      throws Exception {
    if (!Boolean.getBoolean("screenshots.docs")) {
      return;
    }
    Path docs = Path.of("..", "docs", "screenshots");
    Files.createDirectories(docs);
    try (var files = Files.list(ChromiumPages.SCREENSHOTS)) {
      for (Path shot : files.toList()) {
        String name = shot.getFileName().toString();
        for (Map.Entry<String, String> wanted : shots.entrySet()) {
          if (name.matches("\\d\\d-" + wanted.getKey() + "\\.png")) {
            BufferedImage image = ImageIO.read(shot.toFile());
            int from =
                Math.min(
                    tops.getOrDefault(wanted.getKey(), 0), Math.max(0, image.getHeight() - 1100));
            BufferedImage top =
                image.getSubimage(
                    0, from, image.getWidth(), Math.min(image.getHeight() - from, 1100));
            ImageIO.write(top, "png", docs.resolve(wanted.getValue()).toFile());
          }
        }
      }
    }
  }
}
