package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code POST /api/sanitization/reports/device-commands}: Purge evidence from nvme-cli and hdparm
 * outputs, checked against the asset's drives; refused with every problem named and nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeviceCommandIntakeTests {

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

  static MockMultipartFile part(String name, String sample) throws IOException {
    return part(name, Files.readAllBytes(Path.of("..", "samples", sample)));
  }

  static MockMultipartFile part(String name, byte[] content) {
    return new MockMultipartFile(name, name, "application/octet-stream", content);
  }

  MockMultipartHttpServletRequestBuilder request(MockMultipartFile... parts) {
    MockMultipartHttpServletRequestBuilder request =
        multipart("/api/sanitization/reports/device-commands");
    for (MockMultipartFile p : parts) {
      request.file(p);
    }
    request
        .param("inventoryNumber", asset.inventoryNumber())
        .param("operator", "Camille Martin")
        .param("performedOn", "2026-03-12T15:10")
        .param("verification", "SAMPLING")
        .with(TECHNICIAN);
    return request;
  }

  int stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class);
  }

  @Test
  void shouldAcceptTheNvmeCliAndHdparmSamplesAsPurgeEvidenceOfBothDrives() throws Exception {
    // when
    mvc.perform(
            request(
                part("nvmeIdCtrl", "nvme-id-ctrl-chu.json"),
                part("nvmeSanitizeLog", "nvme-sanitize-log-chu.json"),
                part("hdparmErase", "hdparm-security-erase-chu.txt"),
                part("hdparmIdentify", "hdparm-identify-chu.txt")))
        // then
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.source").value("DEVICE_COMMAND"))
        .andExpect(jsonPath("$.tool").value("nvme-cli + hdparm"))
        .andExpect(jsonPath("$.performedOn").value("2026-03-12T15:10"))
        .andExpect(jsonPath("$.wipeReport.drives", hasSize(2)))
        .andExpect(jsonPath("$.wipeReport.drives[0].serialNumber").value("S4GENX0R123456"))
        .andExpect(jsonPath("$.wipeReport.drives[0].methodType").value("PURGE"))
        .andExpect(jsonPath("$.wipeReport.drives[0].method").value("BLOCK_ERASE"))
        .andExpect(jsonPath("$.wipeReport.drives[0].verification").value("SAMPLING"))
        .andExpect(jsonPath("$.wipeReport.drives[1].serialNumber").value("Z9A5V5ZQ"))
        .andExpect(jsonPath("$.wipeReport.drives[1].method").value("SECURE_ERASE"))
        .andExpect(jsonPath("$.created").value(true));
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void shouldRefuseTheOutputsOfADriveTheAssetDoesNotHaveNamingTheOutput() throws Exception {
    // given the hdparm outputs of another disk
    byte[] identify =
        Files.readString(Path.of("..", "samples", "hdparm-identify-chu.txt"))
            .replace("Z9A5V5ZQ", "WD-WCC6Y3TN1234")
            .getBytes(StandardCharsets.UTF_8);

    // when
    mvc.perform(
            request(
                part("hdparmErase", "hdparm-security-erase-chu.txt"),
                part("hdparmIdentify", identify)))
        // then
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].field").value("hdparm[0].identify"))
        .andExpect(jsonPath("$.errors[0].value").value("WD-WCC6Y3TN1234"));
    assertThat(stored()).isZero();
  }

  @Test
  void shouldRefuseAFailedSanitizeWithoutDateNorVerificationNamingEachField() throws Exception {
    // given
    byte[] failed =
        Files.readString(Path.of("..", "samples", "nvme-sanitize-log-chu.json"))
            .replace(
                "(1) Most Recent Sanitize Command Completed Successfully.",
                "(3) Most Recent Sanitize Command Failed.")
            .getBytes(StandardCharsets.UTF_8);

    // when
    mvc.perform(
            multipart("/api/sanitization/reports/device-commands")
                .file(part("nvmeIdCtrl", "nvme-id-ctrl-chu.json"))
                .file(part("nvmeSanitizeLog", failed))
                .param("inventoryNumber", asset.inventoryNumber())
                .param("operator", "Camille Martin")
                .param("verification", "NONE")
                .with(TECHNICIAN))
        // then
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(jsonPath("$.errors[0].field").value("performedOn"))
        .andExpect(jsonPath("$.errors[1].field").value("verification"))
        .andExpect(jsonPath("$.errors[2].field").value("nvme[0].sanitizeLog.nvme0.sstat.status"));
    assertThat(stored()).isZero();
  }

  @Test
  void shouldRefuseASubmissionWithoutAnyOutput() throws Exception {
    // when
    mvc.perform(request())
        // then
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.startsWith("Aucune sortie de commande")));
    assertThat(stored()).isZero();
  }

  @Test
  void shouldShowTheProblemsOfDroppedOutputsOnThePageNamingEachOutput() throws Exception {
    // given the erase hdparm reports as failed (its error output captured with 2>&1)
    byte[] failed =
        (Files.readString(Path.of("..", "samples", "hdparm-security-erase-chu.txt"))
                + "SECURITY_ERASE: Input/output error\n")
            .getBytes(StandardCharsets.UTF_8);

    // when
    mvc.perform(
            multipart("/sanitization/reports/commands")
                .file(part("hdparmErase", failed))
                .file(part("hdparmIdentify", "hdparm-identify-chu.txt"))
                .param("inventoryNumber", asset.inventoryNumber())
                .param("operator", "Camille Martin")
                .param("performedOn", "2026-03-12T15:10")
                .param("verification", "FULL")
                .with(TECHNICIAN)
                .with(csrf()))
        // then
        .andExpect(status().isOk())
        .andExpect(xpath("//table/caption").string("Erreurs du rapport"))
        .andExpect(xpath("//table/tbody/tr/td[1]").string("hdparm[0].erase"))
        .andExpect(xpath("//table/tbody/tr/th").string("5"))
        .andExpect(xpath("//input[@id='cmd-performedOn']/@value").string("2026-03-12T15:10"));
    assertThat(stored()).isZero();
  }
}
