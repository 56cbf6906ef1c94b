package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code POST /api/sanitization/reports}: our JSON and nwipe's log, published to the engine;
 * malformed input refused with every problem named and nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WipeReportIntakeTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void aDesktopWithTheSampleDrives() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
    Assets.withDrive(inventory, asset, "Z9A5V5ZQ", StorageType.HDD);
    Assets.withDrive(inventory, asset, "S4GENX0R123456", StorageType.NVME);
  }

  String json(String drivesAndMore) {
    return """
        {
          "assetId": %d,
          "tool": "Blancco Drive Eraser",
          "toolVersion": "7.12.1",
          "operator": "Camille Martin",
          "reportRef": "BDE-42",
          "performedOn": "2026-03-12T10:42:00+01:00",
          %s
        }
        """
        .formatted(asset.id(), drivesAndMore);
  }

  static final String ONE_DRIVE =
      """
      "drives": [
        {"serialNumber": "S4GENX0R123456", "manufacturer": "Samsung", "model": "PM981a",
         "methodType": "PURGE", "method": "CRYPTO_ERASE", "verification": "FULL", "result": "PASSED"}
      ]""";

  int stored() {
    return jdbc.queryForObject(
        "SELECT (SELECT COUNT(*) FROM wipe_report) + (SELECT COUNT(*) FROM document WHERE kind = 'WIPE_REPORT' AND owner_ref = ?)",
        Integer.class,
        "asset:" + asset.inventoryNumber());
  }

  @Test
  void shouldStoreAndPublishAValidJsonReportOnce() throws Exception {
    // when
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(ONE_DRIVE)))
        // then
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/sanitization/reports/WR-")))
        .andExpect(jsonPath("$.reference").value(startsWith("WR-")))
        .andExpect(jsonPath("$.assetId").value(asset.id()))
        .andExpect(jsonPath("$.source").value("JSON"))
        .andExpect(jsonPath("$.created").value(true))
        .andExpect(jsonPath("$.wipeReport.reportRef").value(startsWith("WR-")))
        .andExpect(jsonPath("$.wipeReport.drives[0].methodType").value("PURGE"))
        .andExpect(jsonPath("$.document.sha256").isString());
    // the process is told after the commit, once
    String reference =
        WipeReport.reference(
            jdbc.queryForObject(
                "SELECT id FROM wipe_report WHERE asset_id = ?", Long.class, asset.id()));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/sanitization/reports/" + reference).with(TECHNICIAN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.message.name").value("SanitizationReported"))
                    .andExpect(jsonPath("$.message.correlationKey").value(asset.id().toString()))
                    .andExpect(jsonPath("$.message.messageKey").value(greaterThan(0L))));
    assertThat(
            inventory.custodyOf(asset.id()).stream()
                .filter(e -> e.action() == CustodyAction.EVIDENCE)
                .toList())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("technicien");
              assertThat(e.evidence()).startsWith("WIPE_REPORT ");
              assertThat(e.details()).contains("Blancco Drive Eraser 7.12.1", "1 support");
            });

    // and the same report again is recognised
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(ONE_DRIVE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(false));
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void shouldTellTheProcessAgainWhenAReportWhosePublicationIsPendingIsSentAgain() throws Exception {
    // given a stored report whose process was told, then that notice lost (a publication pending,
    // or a report stored before publications went through events)
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(ONE_DRIVE)))
        .andExpect(status().isCreated());
    await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt() != null);
    jdbc.update(
        "UPDATE wipe_report SET published_at = NULL, message_key = NULL WHERE asset_id = ?",
        asset.id());

    // when the station sends the same report again
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(ONE_DRIVE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(false))
        .andExpect(jsonPath("$.published").value(false));

    // then its process is told again (the broker recognises the message id: nothing twice)
    await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt() != null);
    assertThat(stored()).isEqualTo(2);
  }

  private java.sql.Timestamp publishedAt() {
    return jdbc.queryForObject(
        "SELECT published_at FROM wipe_report WHERE asset_id = ?",
        java.sql.Timestamp.class,
        asset.id());
  }

  @Test
  void shouldAcceptTheNwipeLogOfTheRepository() throws Exception {
    byte[] log = Files.readAllBytes(Path.of("..", "samples", "nwipe-log-chu.txt"));

    String location =
        mvc.perform(
                post("/api/sanitization/reports")
                    .with(TECHNICIAN)
                    .param("inventoryNumber", asset.inventoryNumber())
                    .param("operator", "Camille Martin")
                    .param("toolVersion", "0.38")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content(log))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.source").value("NWIPE_LOG"))
            .andExpect(jsonPath("$.tool").value("nwipe"))
            .andExpect(jsonPath("$.toolVersion").value("0.38"))
            .andExpect(jsonPath("$.performedOn").value("2026-03-12T14:26:42+01:00"))
            .andExpect(jsonPath("$.wipeReport.drives", hasSize(2)))
            .andExpect(jsonPath("$.wipeReport.drives[1].serialNumber").value("S4GENX0R123456"))
            .andExpect(jsonPath("$.wipeReport.drives[1].methodType").value("CLEAR"))
            .andExpect(jsonPath("$.wipeReport.drives[1].method").value("OVERWRITE"))
            .andExpect(jsonPath("$.wipeReport.drives[1].verification").value("FULL"))
            .andExpect(jsonPath("$.created").value(true))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    mvc.perform(get(location).with(user("auditeur").roles("AUDITOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.driveCount").value(2));
  }

  @Test
  void shouldReportTheOtherDrivesOfALogWithASerialLessDriveAndWarn() throws Exception {
    // given the sample log with a USB stick nwipe found no serial number for
    String log =
        Files.readString(Path.of("..", "samples", "nwipe-log-chu.txt"), StandardCharsets.UTF_8)
            .replace(
                "   nvme0n1 | Erased |  607 MB/s | 00:42:10 | SAMSUNG MZVLB512H/S4GENX0R123456\n",
                "   nvme0n1 | Erased |  607 MB/s | 00:42:10 | SAMSUNG MZVLB512H/S4GENX0R123456\n"
                    + "       sdb | Erased |   31 MB/s | 00:08:12 | Generic Flash Dis/\n");

    // when
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .param("inventoryNumber", asset.inventoryNumber())
                .param("operator", "Camille Martin")
                .contentType(MediaType.TEXT_PLAIN)
                .content(log))
        // then
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.toolVersion").value("0.38"))
        .andExpect(jsonPath("$.wipeReport.drives", hasSize(2)))
        .andExpect(jsonPath("$.warnings", hasSize(1)))
        .andExpect(jsonPath("$.warnings[0].line").value(43))
        .andExpect(
            jsonPath("$.warnings[0].message")
                .value(org.hamcrest.Matchers.containsString("/dev/sdb")));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM custody_entry WHERE details LIKE '%non rattaché%'",
                Integer.class))
        .isEqualTo(1);
  }

  @Test
  void shouldNameEveryProblemOfAJsonReportAndStoreNothing() throws Exception {
    String body =
        """
        {
          "assetId": %d,
          "tool": "Blancco Drive Eraser",
          "operator": "",
          "performedOn": "12/03/2026",
          "colour": "blue",
          "drives": [
            {"serialNumber": "S4GENX0R123456", "methodType": "PURGE", "method": "CRYPTO_ERASE",
             "verification": "FULL", "result": "PASSED"},
            {"serialNumber": "NOT-A-DRIVE", "methodType": "SUPER", "method": "CRYPTO_ERASE",
             "verification": "FULL", "result": "PASSED"}
          ]
        }
        """
            .formatted(asset.id());

    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Rapport d'effacement refusé"))
        .andExpect(jsonPath("$.errors[?(@.field == 'colour')].line").value(6))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'toolVersion')].message")
                .value("Champ obligatoire manquant."))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'operator')].message").value("Champ obligatoire vide."))
        .andExpect(jsonPath("$.errors[?(@.field == 'performedOn')].value").value("12/03/2026"))
        .andExpect(jsonPath("$.errors[?(@.field == 'drives[1].methodType')].line").value(10))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'drives[1].methodType')].message")
                .value(
                    hasItem(startsWith("Valeur inconnue : valeurs admises CLEAR, PURGE, DESTROY"))))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'drives[1].serialNumber')].value").value("NOT-A-DRIVE"))
        .andExpect(jsonPath("$.errors", hasSize(6)));
    assertThat(stored()).isZero();
  }

  @Test
  void shouldRefuseUnreadableJsonWithItsLine() throws Exception {
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\n  \"assetId\": 1,\n  \"tool\": \"x\"\n  \"operator\": \"y\"\n}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].line").value(4))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("JSON illisible")));
  }

  @Test
  void shouldRefuseAnUnknownAsset() throws Exception {
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(ONE_DRIVE)
                        .replace(
                            "\"assetId\": " + asset.id(), "\"inventoryNumber\": \"CHU-NOPE\"")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("inventoryNumber"))
        .andExpect(jsonPath("$.errors[0].value").value("CHU-NOPE"))
        .andExpect(jsonPath("$.errors", hasSize(1)));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class)).isZero();
  }

  @Test
  void shouldAnswerARefusedReportLikeEveryRefusedInput() throws Exception {
    // given an nwipe log for an asset nobody knows, without operator
    byte[] log = Files.readAllBytes(Path.of("..", "samples", "nwipe-log-chu.txt"));

    // when
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .param("inventoryNumber", "CHU-NOPE")
                .contentType(MediaType.TEXT_PLAIN)
                .content(log))
        // then: 422 (was 400), no problem type of its own, the errors in the order checked
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Rapport d'effacement refusé"))
        .andExpect(jsonPath("$.type").value("about:blank"))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[0].field").value("inventoryNumber"))
        .andExpect(jsonPath("$.errors[0].value").value("CHU-NOPE"))
        .andExpect(jsonPath("$.errors[0].line").doesNotExist())
        .andExpect(jsonPath("$.errors[1].field").value("operator"))
        .andExpect(jsonPath("$.errors[1].message").value("Paramètre obligatoire manquant."));
    assertThat(stored()).isZero();
  }

  @Test
  void shouldNameTheLineOfAnUnknownDriveOrABrokenRowInAnNwipeLog() throws Exception {
    String log =
        Files.readString(Path.of("..", "samples", "nwipe-log-chu.txt"), StandardCharsets.UTF_8)
            .replace("ST1000DM010-2EP10/Z9A5V5ZQ", "ST1000DM010-2EP10/Z9A5XXXX")
            .replace("   nvme0n1 | Erased |  607 MB/s", "   nvme0n1   Erased    607 MB/s");

    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .param("assetId", asset.id().toString())
                .contentType(MediaType.TEXT_PLAIN)
                .content(log))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'operator')].message")
                .value("Paramètre obligatoire manquant."))
        .andExpect(
            jsonPath("$.errors[?(@.line == 42)].message")
                .value(hasItem(startsWith("Ligne du tableau « Drive Status » illisible"))))
        .andExpect(jsonPath("$.errors[?(@.line == 41)].value").value("Z9A5XXXX"));
    assertThat(stored()).isZero();
  }

  @Test
  void shouldLetOnlyTechniciansSendReports() throws Exception {
    mvc.perform(
            post("/api/sanitization/reports")
                .with(user("auditeur").roles("AUDITOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(ONE_DRIVE)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/sanitization/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(ONE_DRIVE)))
        .andExpect(status().isUnauthorized());
    assertThat(stored()).isZero();
  }

  @Test
  void shouldLetATechnicianDropTheNwipeLogOnThePage() throws Exception {
    // given
    mvc.perform(get("/sanitization/reports/new").with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(xpath("//label[@for='file']").exists())
        .andExpect(xpath("//label[@for='inventoryNumber']").exists())
        .andExpect(xpath("//fieldset/legend").string("Format du rapport"));
    MockMultipartFile log =
        new MockMultipartFile(
            "file",
            "nwipe.log",
            "text/plain",
            Files.readAllBytes(Path.of("..", "samples", "nwipe-log-chu.txt")));

    // when
    mvc.perform(
            multipart("/sanitization/reports")
                .file(log)
                .param("format", "nwipe")
                .param("inventoryNumber", asset.inventoryNumber())
                .param("operator", "Camille Martin")
                .param("toolVersion", "0.38")
                .with(TECHNICIAN)
                .with(csrf()))
        // then
        .andExpect(redirectedUrl("/assets/" + asset.id()))
        .andExpect(flash().attribute("message", startsWith("Rapport WR-")));
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void shouldShowOnTheAssetPageTheDrivesOfADroppedLogLeftOutForLackOfSerial() throws Exception {
    // given the sample log with a loop device, which has no serial number
    byte[] log =
        Files.readString(Path.of("..", "samples", "nwipe-log-chu.txt"), StandardCharsets.UTF_8)
            .replace(
                "   nvme0n1 | Erased |  607 MB/s | 00:42:10 | SAMSUNG MZVLB512H/S4GENX0R123456\n",
                "   nvme0n1 | Erased |  607 MB/s | 00:42:10 | SAMSUNG MZVLB512H/S4GENX0R123456\n"
                    + "     loop0 | Erased |  900 MB/s | 00:00:02 | /\n")
            .getBytes(StandardCharsets.UTF_8);

    // when
    mvc.perform(
            multipart("/sanitization/reports")
                .file(new MockMultipartFile("file", "nwipe.log", "text/plain", log))
                .param("format", "nwipe")
                .param("inventoryNumber", asset.inventoryNumber())
                .param("operator", "Camille Martin")
                .with(TECHNICIAN)
                .with(csrf()))
        // then
        .andExpect(redirectedUrl("/assets/" + asset.id()))
        .andExpect(flash().attribute("message", startsWith("Rapport WR-")))
        .andExpect(flash().attribute("warnings", hasItem(startsWith("Ligne 43 : /dev/loop0"))));
  }

  @Test
  void shouldShowTheProblemsOfADroppedFileInATable() throws Exception {
    mvc.perform(
            multipart("/sanitization/reports")
                .file(
                    new MockMultipartFile(
                        "file", "r.json", "application/json", "{\"tool\": 1}".getBytes()))
                .param("format", "json")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(xpath("//div[@role='alert']//table/caption").string("Erreurs du rapport"))
        .andExpect(xpath("//td[text()='tool']/following-sibling::td[2]").string("Texte attendu."));
    mvc.perform(get("/sanitization/reports/new").with(user("auditeur").roles("AUDITOR")))
        .andExpect(status().isForbidden());
    assertThat(stored()).isZero();
  }

  @Test
  void shouldRefuseAReportForAnAssetThatHasLeftTheHospital() throws Exception {
    // given: a recycled monitor
    Asset recycled =
        Assets.moveTo(
            inventory,
            Assets.register(
                inventory, fr.secondevie.inventory.AssetCategory.MONITOR, "Pharmacie", null, null),
            fr.secondevie.inventory.AssetStatus.DECOMMISSIONING,
            fr.secondevie.inventory.AssetStatus.SANITIZING,
            fr.secondevie.inventory.AssetStatus.SANITIZED,
            fr.secondevie.inventory.AssetStatus.RECYCLING_PENDING,
            fr.secondevie.inventory.AssetStatus.RECYCLED);

    // when, then
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(ONE_DRIVE)
                        .replace(
                            "\"assetId\": " + asset.id(),
                            "\"inventoryNumber\": \"" + recycled.inventoryNumber() + "\"")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("inventoryNumber"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    org.hamcrest.Matchers.containsString(
                        "a quitté l'établissement (« Recyclé »)")));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class)).isZero();
  }

  @Test
  void shouldRefuseAnInventoryNumberThatIsNotTheAssetOfTheId() throws Exception {
    Asset other = Assets.desktop(inventory);

    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(ONE_DRIVE)
                        .replace(
                            "\"tool\":",
                            "\"inventoryNumber\": \"" + other.inventoryNumber() + "\", \"tool\":")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("inventoryNumber"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.containsString("pas du n° " + asset.id())));
  }
}
