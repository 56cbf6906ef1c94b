package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InspectionService.RecordInspection;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Wipe reports that cannot be true are refused with the field or line named, and nothing is stored,
 * certified nor published: dated before the asset's collection, dated in the future, or for an
 * asset whose every drive already has a passing certificate.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WipeReportRefusalTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired InspectionService inspections;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @MockitoSpyBean WipeReportPublisher publisher;

  Asset asset;

  @BeforeEach
  void aDesktopWithTheSampleDrives() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
    Assets.withDrive(inventory, asset, "Z9A5V5ZQ", StorageType.HDD);
    Assets.withDrive(inventory, asset, "S4GENX0R123456", StorageType.NVME);
  }

  @Test
  void shouldRefuseAJsonReportDatedBeforeTheCollection() throws Exception {
    // given: collected on 15/03/2026, the report says 12/03/2026
    collectedOn(asset, LocalDate.of(2026, 3, 15));

    // when
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(asset, "S4GENX0R123456", "2026-03-12T10:42:00+01:00")))
        // then
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("performedOn"))
        .andExpect(jsonPath("$.errors[0].value").value("2026-03-12T10:42:00+01:00"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    containsString(
                        "L'effacement (le 12/03/2026) est antérieur à la collecte de l'équipement "
                            + asset.inventoryNumber()
                            + " (le 15/03/2026)")));
    assertNothingStoredNorPublished();
  }

  @Test
  void shouldRefuseAnNwipeLogFinishedBeforeTheCollectionNamingItsLine() throws Exception {
    // given
    collectedOn(asset, LocalDate.of(2026, 3, 13));
    byte[] log = Files.readAllBytes(Path.of("..", "samples", "nwipe-log-chu.txt"));

    // when
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .param("inventoryNumber", asset.inventoryNumber())
                .param("operator", "Camille Martin")
                .param("toolVersion", "0.38")
                .contentType(MediaType.TEXT_PLAIN)
                .content(log))
        // then
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].line").isNumber())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("(le 13/03/2026)")));
    assertNothingStoredNorPublished();
  }

  @Test
  void shouldRefuseAReportDatedInTheFutureOnTheApiAndThePage() throws Exception {
    // given: beyond the tolerated clock skew
    String tomorrow =
        OffsetDateTime.now(clock).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
    String body = json(asset, "S4GENX0R123456", tomorrow);

    // when, then
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("performedOn"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(containsString("La date de l'effacement est dans le futur")));
    mvc.perform(
            multipart("/sanitization/reports")
                .file(new MockMultipartFile("file", "r.json", "application/json", body.getBytes()))
                .param("format", "json")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//td[text()='performedOn']/following-sibling::td[2]")
                .string(containsString("dans le futur")));
    assertNothingStoredNorPublished();
  }

  @Test
  void shouldAcceptAStationClockAFewMinutesAhead() throws Exception {
    // given: within the tolerated skew
    Instant ahead = clock.instant().plus(WipeReportIntake.CLOCK_SKEW.minus(Duration.ofMinutes(2)));
    String performedOn =
        ahead
            .atZone(WipeReportIntake.STATION_ZONE)
            .toOffsetDateTime()
            .truncatedTo(ChronoUnit.SECONDS)
            .toString();

    // when, then
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(asset, "S4GENX0R123456", performedOn)))
        .andExpect(status().isCreated());
  }

  @Test
  void shouldRefuseANewReportForAnAssetWhoseDrivesAllHaveCertificates() throws Exception {
    // given: a desktop wiped and certified, drive by drive
    Asset certified =
        new Assets(inventory, planner, certificates)
            .sanitizedThen(AssetCategory.DESKTOP, AssetStatus.SANITIZED, "SSD-A1", "SSD-B2");
    int certificatesBefore = certificateRows(certified);
    int reportsBefore = reportRows();

    // when: a second report, of another tool
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(certified, "SSD-A1", "2026-11-03T10:00:00+01:00")))
        // then
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[*].field", hasItem("assetId")))
        .andExpect(
            jsonPath("$.errors[*].message")
                .value(hasItem(containsString("a déjà un certificat d'effacement conforme"))));
    assertThat(certificateRows(certified)).isEqualTo(certificatesBefore).isEqualTo(2);
    assertThat(reportRows()).isEqualTo(reportsBefore);
    // this asset's: a report of an earlier test may still be told to its process, after its commit
    verify(publisher, never()).publish(eq((long) certified.id()), any());
  }

  @Test
  void shouldStillTakeAReportWhileADriveHasNoCertificate() throws Exception {
    // given: a drive certified, the other not
    Asset halfDone =
        new Assets(inventory, planner, certificates)
            .sanitizedThen(AssetCategory.DESKTOP, AssetStatus.SANITIZED, "SSD-C3");
    Assets.withDrive(inventory, halfDone, "HDD-D4", StorageType.HDD);

    // when, then
    mvc.perform(
            post("/api/sanitization/reports")
                .with(TECHNICIAN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(halfDone, "HDD-D4", "2026-11-03T10:00:00+01:00")))
        .andExpect(status().isCreated());
  }

  void collectedOn(Asset target, LocalDate day) {
    inspections.record(
        new RecordInspection(
            target.id(),
            "B",
            true,
            null,
            true,
            true,
            true,
            true,
            day,
            "Cardiologie",
            null,
            List.of(),
            "technicien",
            "inspection-" + target.inventoryNumber()));
  }

  static String json(Asset target, String serial, String performedOn) {
    return """
        {
          "assetId": %d,
          "tool": "Blancco Drive Eraser",
          "toolVersion": "7.12.1",
          "operator": "Camille Martin",
          "reportRef": "BDE-42",
          "performedOn": "%s",
          "drives": [
            {"serialNumber": "%s", "methodType": "PURGE", "method": "CRYPTO_ERASE",
             "verification": "FULL", "result": "PASSED"}
          ]
        }
        """
        .formatted(target.id(), performedOn, serial);
  }

  int reportRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class);
  }

  int certificateRows(Asset target) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM sanitization_certificate WHERE asset_id = ?",
        Integer.class,
        target.id());
  }

  void assertNothingStoredNorPublished() {
    assertThat(reportRows()).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM document WHERE kind = 'WIPE_REPORT' AND owner_ref = ?",
                Integer.class,
                "asset:" + asset.inventoryNumber()))
        .isZero();
    assertThat(certificateRows(asset)).isZero();
    // this asset's: a report of an earlier test may still be told to its process, after its commit
    verify(publisher, never()).publish(eq((long) asset.id()), any());
  }
}
