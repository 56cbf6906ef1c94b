package fr.secondevie.inventory.glpi;

import static fr.secondevie.support.GlpiCsv.desktop;
import static fr.secondevie.support.GlpiCsv.glpi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.GlpiCsv;
import fr.secondevie.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** GLPI imports end to end on a real MariaDB: all or nothing, idempotent. */
@SpringBootTest
@AutoConfigureMockMvc
class GlpiImportServiceTests {

  private static final Logger LOG = LoggerFactory.getLogger(GlpiImportServiceTests.class);

  @Autowired GlpiImportService imports;
  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void emptyInventory() {
    TestDatabase.clean(jdbc);
  }

  ImportRun importFile(String name, byte[] bytes) throws Exception {
    return imports.start(name, bytes, "gestionnaire").completion().get(5, TimeUnit.MINUTES);
  }

  long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  @Test
  void importsTheSampleWithACustodyEntryPerAsset() throws Exception {
    ImportRun run = importFile("glpi-export-chu.csv", GlpiCsv.sample());

    assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(run.getCreatedCount()).isEqualTo(64);
    assertThat(count("asset")).isEqualTo(64);
    assertThat(count("custody_entry")).isEqualTo(64);
    var asset = inventory.get("CHU76-2012-00001");
    assertThat(asset.category()).isEqualTo(AssetCategory.DESKTOP);
    assertThat(asset.technicalAttributes()).containsKey("Composants - Processeur");
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void reimportingTheSameFileChangesNothing() throws Exception {
    importFile("a.csv", GlpiCsv.sample());
    long custody = count("custody_entry");

    ImportRun again = importFile("a-bis.csv", GlpiCsv.sample());

    assertThat(again.getStatus()).isEqualTo(ImportStatus.DUPLICATE);
    assertThat(again.getUnchangedCount()).isEqualTo(64);
    assertThat(count("asset")).isEqualTo(64);
    assertThat(count("custody_entry")).isEqualTo(custody);
  }

  @Test
  void aLaterExportUpdatesOnlyWhatChangedInGlpi() throws Exception {
    importFile("v1.csv", glpi().row(desktop("A1", "S1")).row(desktop("A2", "S2")).bytes());
    List<String> moved = new ArrayList<>(desktop("A2", "S2"));
    moved.set(7, "Hôpital de Bois-Guillaume > Bâtiment principal > Gériatrie");

    ImportRun v2 =
        importFile(
            "v2.csv", glpi().row(desktop("A1", "S1")).row(moved).row(desktop("A3", "S3")).bytes());

    assertThat(v2.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(v2.getCreatedCount()).isEqualTo(1);
    assertThat(v2.getUpdatedCount()).isEqualTo(1);
    assertThat(v2.getUnchangedCount()).isEqualTo(1);
    var a2 = inventory.get("A2");
    assertThat(a2.site()).isEqualTo("Hôpital de Bois-Guillaume");
    assertThat(inventory.custodyOf(a2.id())).hasSize(2);
    assertThat(inventory.verifyCustody(a2.id()).valid()).isTrue();
  }

  @Test
  void aGlpiUpdateKeepsTheStatusAndTheChainOfAnAssetInProcess() throws Exception {
    importFile("v1.csv", glpi().row(desktop("P1", "S1")).bytes());
    inventory.changeStatus(
        new fr.secondevie.inventory.InventoryCommands.ChangeStatus(
            "P1",
            fr.secondevie.inventory.AssetStatus.DECOMMISSIONING,
            "worker:inventory.update-status",
            null,
            null,
            "job-1"));
    List<String> moved = new ArrayList<>(desktop("P1", "S1"));
    moved.set(9, "Pharmacie");

    ImportRun v2 = importFile("v2.csv", glpi().row(moved).bytes());

    assertThat(v2.getUpdatedCount()).isEqualTo(1);
    var p1 = inventory.get("P1");
    assertThat(p1.status()).isEqualTo(fr.secondevie.inventory.AssetStatus.DECOMMISSIONING);
    assertThat(p1.service()).isEqualTo("Pharmacie");
    assertThat(inventory.custodyOf(p1.id())).hasSize(3);
    assertThat(inventory.verifyCustody(p1.id()).valid()).isTrue();
  }

  @Test
  void aFileWithOneBadRowWritesNothing() throws Exception {
    List<String> bad = new ArrayList<>(desktop("B2", "S2"));
    bad.set(11, "31/02/2019");

    ImportRun run =
        importFile(
            "bad.csv", glpi().row(desktop("B1", "S1")).row(bad).row(desktop("B3", "S3")).bytes());

    assertThat(run.getStatus()).isEqualTo(ImportStatus.REJECTED);
    assertThat(run.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("Date d'achat");
            });
    assertThat(count("asset")).isZero();
    assertThat(count("custody_entry")).isZero();
  }

  @Test
  void anInventoryNumberAlreadyGivenToAnotherSerialIsRejected() throws Exception {
    importFile("v1.csv", glpi().row(desktop("C1", "S1")).bytes());

    ImportRun run =
        importFile("v2.csv", glpi().row(desktop("C2", "S2")).row(desktop("C1", "OTHER")).bytes());

    assertThat(run.getStatus()).isEqualTo(ImportStatus.REJECTED);
    assertThat(run.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("Numéro d'inventaire");
              assertThat(e.message()).contains("« S1 »");
            });
    assertThat(inventory.findByInventoryNumber("C2")).isEmpty();
  }

  @Test
  void aFileThatCannotBeReadIsRejectedWithItsReason() throws Exception {
    ImportRun run = importFile("vide.csv", new byte[0]);

    assertThat(run.getStatus()).isEqualTo(ImportStatus.REJECTED);
    assertThat(run.getErrors()).singleElement().satisfies(e -> assertThat(e.line()).isZero());
  }

  @Test
  void shouldReadBackARunRejectedBeforeInputErrorsAsItWasStored() throws Exception {
    // given a rejected run as stored before the refusal became an InputError: line 0 for the
    // file as a whole, then a row's column and value
    jdbc.update(
        "INSERT INTO import_run (file_name, file_sha256, file_size, status, total_rows,"
            + " error_count, started_by, started_at, finished_at) VALUES ('ancien.csv', ?, 10,"
            + " 'REJECTED', 2, 2, 'gestionnaire', '2026-01-05 09:00:00', '2026-01-05 09:00:01')",
        "a".repeat(64));
    long id = jdbc.queryForObject("SELECT MAX(id) FROM import_run", Long.class);
    jdbc.update(
        "INSERT INTO import_row_error (import_run_id, position, line, field, value, message)"
            + " VALUES (?, 0, 0, NULL, NULL, 'Le fichier est vide.'),"
            + " (?, 1, 3, 'Date d''achat', '2031-01-01', 'Date dans le futur')",
        id,
        id);

    // when
    ImportRun run = imports.find(id).orElseThrow();

    // then: the same errors, in order, and the same members on the API
    assertThat(run.getErrors())
        .containsExactly(
            new ImportRowError(0, null, null, "Le fichier est vide."),
            new ImportRowError(3, "Date d'achat", "2031-01-01", "Date dans le futur"));
    mvc.perform(get("/api/imports/" + id).with(user("gestionnaire").roles("ASSET_MANAGER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.errors[0].line").value(0))
        .andExpect(jsonPath("$.errors[0].field").doesNotExist())
        .andExpect(jsonPath("$.errors[0].message").value("Le fichier est vide."))
        .andExpect(jsonPath("$.errors[1].line").value(3))
        .andExpect(jsonPath("$.errors[1].field").value("Date d'achat"))
        .andExpect(jsonPath("$.errors[1].value").value("2031-01-01"))
        .andExpect(jsonPath("$.errors[1].message").value("Date dans le futur"));
  }

  @Test
  void shouldStoreTheRefusalOfAHeaderWithItsLineAndValue() throws Exception {
    // when: a file refused before any row is read (no separator in the header)
    ImportRun run =
        importFile("tabs.csv", "Nom\tType\nPC\tOrdinateur\n".getBytes(StandardCharsets.UTF_8));

    // then: the header line, its value and message, read back from the database
    ImportRun stored = imports.find(run.getId()).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(ImportStatus.REJECTED);
    assertThat(stored.getErrorCount()).isEqualTo(1);
    assertThat(stored.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.field()).isNull();
              assertThat(e.value()).isEqualTo("Nom\tType");
              assertThat(e.message()).startsWith("Séparateur non reconnu");
            });
  }

  @Test
  void aTwentyMegabyteFileWithOneBadRowAtTheEndWritesNothing() throws Exception {
    StringBuilder csv = new StringBuilder(glpi().text());
    int rows = 0;
    while (csv.length() < 20 * 1024 * 1024) {
      rows++;
      csv.append(line(desktop("BIG-" + rows, "SN-BIG-" + rows)));
    }
    List<String> bad = new ArrayList<>(desktop("BIG-LAST", "SN-LAST"));
    bad.set(12, "beaucoup");
    csv.append(line(bad));
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThanOrEqualTo(20 * 1024 * 1024);

    long started = System.nanoTime();
    ImportRun run = importFile("big.csv", bytes);
    LOG.info(
        "20 MB file ({} rows) checked in {} ms",
        rows + 1,
        (System.nanoTime() - started) / 1_000_000);

    int lastLine = rows + 2;
    assertThat(run.getStatus()).isEqualTo(ImportStatus.REJECTED);
    assertThat(run.getTotalRows()).isEqualTo(rows + 1);
    assertThat(run.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(lastLine);
              assertThat(e.field()).isEqualTo("Valeur");
            });
    assertThat(count("asset")).isZero();
  }

  @Test
  void importsTwelveThousandRows() throws Exception {
    GlpiCsv file = glpi();
    for (int i = 1; i <= 12_000; i++) {
      file.row(desktop("CHU-%05d".formatted(i), "SN%07d".formatted(i)));
    }
    byte[] bytes = file.bytes();

    long started = System.nanoTime();
    ImportRun run = importFile("12000.csv", bytes);
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info("12,000-row GLPI import ({} bytes) took {} ms", bytes.length, millis);

    assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(run.getCreatedCount()).isEqualTo(12_000);
    assertThat(count("asset")).isEqualTo(12_000);
    assertThat(count("custody_entry")).isEqualTo(12_000);
    assertThat(inventory.verifyCustody(inventory.get("CHU-12000").id()).valid()).isTrue();
  }

  private static String line(List<String> values) {
    StringBuilder text = new StringBuilder();
    values.forEach(v -> text.append('"').append(v).append("\";"));
    return text.append('\n').toString();
  }
}
