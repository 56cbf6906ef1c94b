package fr.secondevie.indicators;

import static fr.secondevie.inventory.AssetCategory.LAPTOP;
import static fr.secondevie.inventory.AssetStatus.IN_STOCK;
import static fr.secondevie.inventory.AssetStatus.RECONDITIONING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.notification.Notification;
import fr.secondevie.notification.NotificationService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P7's service: figures frozen per version, publication as PDF and CSV documents, notifications.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class AnnualReportServiceTests {

  @Autowired AnnualReportService reports;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired AvoidedEmissionLedger ledger;
  @Autowired JdbcTemplate jdbc;

  SeededAssets seeded;

  @BeforeEach
  void seed() {
    jdbc.update("DELETE FROM indicator_report");
    SeededAssets.clean(jdbc);
    seeded = new SeededAssets(jdbc);
    AnnualReportFixtures.year2025(seeded);
  }

  @Test
  void shouldFreezeTheFiguresAndIssueANewVersionWhenComputedAgain() {
    // given
    AnnualReport first = reports.computeAndFreeze(2025, "op-1", "worker");

    // when: a late fact arrives for 2025 (a fourth asset in stock on 1 January, reconditioned)
    long late =
        seeded
            .asset("IND-D", LAPTOP)
            .retiredOn("2024-09-02")
            .then("2025-05-05T09:00:00Z", RECONDITIONING)
            .then("2025-06-02T09:00:00Z", IN_STOCK)
            .save();
    seeded.fact(late, "RECONDITION", "2025-06-02", null);
    AnnualReport again = reports.computeAndFreeze(2025, "op-1", "worker");
    AnnualReport second = reports.computeAndFreeze(2025, "op-2", "worker");

    // then: the first version keeps 1/3, the second has 2/4
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(reports.snapshot(first.id()).headline().get("Taux de réemploi (décret 2023-266)"))
        .startsWith("33,3 %");
    assertThat(reports.snapshot(second.id()).headline().get("Taux de réemploi (décret 2023-266)"))
        .startsWith("50,0 %");
    assertThat(reports.versions(2025)).extracting(AnnualReport::version).containsExactly(2, 1);
    assertThat(reports.warnings(first.id())).anyMatch(w -> w.contains("IND-C"));
  }

  @Test
  void shouldPublishThePdfAndCsvFilesAndNotifyTheDirectorAndAssetManagers() throws Exception {
    // given
    AnnualReport report = reports.computeAndFreeze(2025, "op-pub", "worker");

    // when
    AnnualReport published = reports.publish(report.id(), "worker");
    AnnualReport twice = reports.publish(report.id(), "worker");

    // then: the PDF
    assertThat(published.status()).isEqualTo("PUBLISHED");
    assertThat(twice.pdfDocumentId()).isEqualTo(published.pdfDocumentId());
    StoredDocument pdf = documents.find(published.pdfDocumentId()).orElseThrow();
    assertThat(pdf.filename()).isEqualTo("indicateurs-2025-v1.pdf");
    String text;
    try (PDDocument document = Loader.loadPDF(documents.content(pdf))) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text)
        .contains("Rapport annuel des indicateurs 2025", "33,3 %", "décret n° 2023-266", "IND-A");
    // the CSV files, one per table
    assertThat(published.csvDocumentIds()).hasSizeGreaterThan(10);
    String trend =
        published.csvDocumentIds().stream()
            .map(id -> documents.find(id).orElseThrow())
            .filter(d -> d.filename().equals("indicateurs-2025-v1-taux-reemploi.csv"))
            .map(d -> new String(documents.content(d), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow();
    assertThat(trend)
        .startsWith("annee,a,b,taux_pct,cible_pct,calculable\r\n")
        .contains("2025,1,3,33.3,50,oui\r\n");
    // the notifications
    List<Notification> sent =
        notifications.latest(20).stream()
            .filter(n -> n.operationId().startsWith("indicators-report:" + report.id() + ":"))
            .toList();
    assertThat(sent).allMatch(n -> n.subject().equals("Indicateurs 2025 publiés (version 1)"));
    assertThat(sent)
        .extracting(Notification::recipient)
        .containsExactlyInAnyOrder("direction-generale@chu.example", "gestion-parc@chu.example");
    assertThat(sent.get(0).attachmentIds()).containsExactly(published.pdfDocumentId());
    assertThat(sent)
        .extracting(Notification::body)
        .containsOnly(
            "Le rapport annuel des indicateurs 2025 (version 1) a été vérifié et publié.\n\n"
                + "- Taux de réemploi (décret 2023-266) : 33,3 % (A = 1, B = 3, cible 50 %)\n"
                + "- Part des achats reconditionnés ou issus du réemploi (AGEC) : non calculable"
                + " (cible 20 %)\n"
                + "- Secteur adapté et protégé (EA/ESAT) : 0 unités, 0 kg, 0 lot(s), main-d'œuvre"
                + " 0,00 €, déduction 0,00 €\n"
                + "- Émissions évitées (hors bilan, jamais déduites) : 270,3 kg CO2e\n"
                + "- Équipements sortis : 3\n"
                + "\nLe rapport PDF est joint ; les fichiers CSV sont dans Seconde Vie"
                + " (page Indicateurs).");
  }

  @Test
  void shouldRefuseAYearInTheFuture() {
    assertThatThrownBy(() -> reports.computeAndFreeze(2999, "op-x", "worker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2999");
  }
}
