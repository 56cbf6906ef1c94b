package fr.secondevie.indicators;

import static fr.secondevie.inventory.AssetCategory.DESKTOP;
import static fr.secondevie.inventory.AssetCategory.LAPTOP;
import static fr.secondevie.inventory.AssetStatus.DECOMMISSIONING;
import static fr.secondevie.inventory.AssetStatus.IN_SERVICE;
import static fr.secondevie.inventory.AssetStatus.IN_STOCK;
import static fr.secondevie.inventory.AssetStatus.RECONDITIONING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reuse rates are kept between loads of the Indicateurs page (V136, {@link ReuseRateCache}):
 * every write that can change a closed year's figure, whoever makes it, shows at the next load;
 * writes that cannot change it keep the figures.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class ReuseRateCacheTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReuseRateCache cache;
  @Autowired IndicatorsService indicators;
  @Autowired IndicatorQueries queries;
  @Autowired InventoryService inventory;
  @Autowired TransactionTemplate transactions;
  @Autowired AvoidedEmissionLedger ledger;

  SeededAssets seeded;
  long reconditioned;

  /** 2025 (a closed year: the test clock is in December 2026): A = 1, B = 3, 33,3 %. */
  @BeforeEach
  void seed() {
    SeededAssets.clean(jdbc);
    seeded = new SeededAssets(jdbc);
    reconditioned = AnnualReportFixtures.year2025(seeded);
  }

  @Test
  void shouldShowALateOutcomeFactOfAClosedYearAtTheNextLoad() throws Exception {
    // given: the page has been computed
    assertThat(rateOf2025()).isEqualTo("33,3 %");

    // when: a fourth asset in stock on 1 January 2025, reconditioned in 2025, is recorded late
    long late =
        seeded
            .asset("IND-D", LAPTOP)
            .retiredOn("2024-09-02")
            .then("2025-05-05T09:00:00Z", RECONDITIONING)
            .then("2025-06-02T09:00:00Z", IN_STOCK)
            .save();
    seeded.fact(late, "RECONDITION", "2025-06-02", null);

    // then: A = 2, B = 4
    assertThat(rateOf2025()).isEqualTo("50,0 %");
    assertThat(page2025().select("#kpi-reemploi").text()).contains("A = 2, B = 4");

    // when: its avoided emissions are entered in the ledger
    assertThat(page2025().select("table#emissions-evitees tbody tr").text())
        .doesNotContain("IND-D");
    ledger.backfill(2025);

    // then
    assertThat(page2025().select("table#emissions-evitees tbody tr").text()).contains("IND-D");
  }

  @Test
  void shouldListANewVersionOfTheEmissionFactorsAtTheNextLoad() throws Exception {
    // given
    assertThat(page2025().select("table#facteurs-emission tbody tr").text())
        .doesNotContain("2027-bench");

    // when
    jdbc.update(
        "INSERT INTO emission_factor (version, valid_from, category, kg_co2e, source)"
            + " VALUES ('2027-bench', '2027-01-01', 'DESKTOP', 200.0, 'Source de test')");
    try {
      // then
      assertThat(page2025().select("table#facteurs-emission tbody tr").text())
          .contains("2027-bench");
    } finally {
      jdbc.update("DELETE FROM emission_factor WHERE version = '2027-bench'");
    }
  }

  @Test
  void shouldTakeAnAssetOutOfBWhenItsRetirementIsWithdrawnAtRegularizationToday() throws Exception {
    // given: an asset retired in December 2024 and still being withdrawn on 1 January 2025
    seeded.asset("IND-R", DESKTOP).then("2024-12-09T10:00:00Z", DECOMMISSIONING).save();
    assertThat(rateOf2025()).isEqualTo("25,0 %");

    // when: the regularization of the inventory puts it back in service (a custody status change
    // dated today, through the inventory's service)
    inventory.changeStatus(
        new ChangeStatus(
            "IND-R", IN_SERVICE, "gestionnaire", "Régularisation", null, "regularization-IND-R"));

    // then: the closed year's B no longer counts it
    assertThat(rateOf2025()).isEqualTo("33,3 %");
    assertThat(page2025().select("table#reemploi-exclus tbody tr").text())
        .contains("IND-R", "régularisation");
  }

  @Test
  void shouldApplyACorrectedAcquisitionDateToAClosedYear() throws Exception {
    // given
    assertThat(rateOf2025()).isEqualTo("33,3 %");

    // when: the reconditioned desktop's acquisition date is corrected to 2012 (over ten years old
    // when it was retired in 2024: out of A and B)
    jdbc.update("UPDATE asset SET acquisition_date = '2012-03-01' WHERE id = ?", reconditioned);

    // then: A = 0, B = 2
    assertThat(rateOf2025()).isEqualTo("0,0 %");
  }

  @Test
  void shouldStartTheTrendAtAnEarlierYearOnceTheSpendLedgerOfThatYearIsImported() throws Exception {
    // given
    assertThat(page2025().select("table#taux-reemploi tbody tr td:eq(0)").eachText())
        .doesNotContain("2019");

    // when
    String ledger =
        "date;piece;fournisseur;libelle;montant_ht;nature\n"
            + "15/03/2019;F-19;Dell;Postes;8000,00;NEUF\n";
    mvc.perform(
            multipart("/indicators/spend-ledger")
                .file(
                    new MockMultipartFile(
                        "file",
                        "depenses.csv",
                        "text/csv",
                        ledger.getBytes(StandardCharsets.UTF_8)))
                .with(IndicatorsPagesTests.MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/indicators?annee=2019*"));

    // then
    assertThat(page2025().select("table#taux-reemploi tbody tr td:eq(0)").eachText())
        .contains("2019", "2025");
  }

  @Test
  void shouldKeepTheFiguresWhenAWriteCannotChangeThem() {
    // given
    ReuseRateCache.Snapshot first = cache.current();

    // when: an update of the asset row that the indicators do not read (a status change comes
    // with its custody entry), a report claim written and removed
    jdbc.update("UPDATE asset SET site = 'Hôpital de Bois-Guillaume' WHERE id = ?", reconditioned);
    jdbc.update(
        "INSERT INTO indicator_report_claim (report_year, claimed_by, claimed_at)"
            + " VALUES (2001, 'bench', ?)",
        Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")));
    jdbc.update("DELETE FROM indicator_report_claim WHERE report_year = 2001");

    // then: the same figures, not read again
    assertThat(cache.current()).isSameAs(first);

    // when: a write that can change them
    jdbc.update("UPDATE asset SET category = 'LAPTOP' WHERE id = ?", reconditioned);

    // then
    assertThat(cache.current()).isNotSameAs(first);
  }

  @Test
  void shouldNotKeepFiguresReadInsideATransactionThatWasRolledBack() throws Exception {
    // given: a transaction records a late fact, reads the figures with it, then rolls back
    assertThat(rateOf2025()).isEqualTo("33,3 %");
    transactions.executeWithoutResult(
        status -> {
          jdbc.update(
              "UPDATE asset SET acquisition_date = '2012-03-01' WHERE id = ?", reconditioned);
          assertThat(indicators.figures(2025).reuseRate().display()).isEqualTo("0,0 %");
          status.setRollbackOnly();
        });

    // when: another write, which cannot change 2025, is committed (as many changes as the
    // rolled-back transaction had made)
    jdbc.update("UPDATE asset SET inventory_number = 'IND-B2' WHERE inventory_number = 'IND-B'");

    // then: the committed figures
    assertThat(rateOf2025()).isEqualTo("33,3 %");
  }

  @Test
  void shouldFoldTheChangeRowsWithoutChangingTheKey() {
    // given
    jdbc.update("UPDATE asset SET category = 'LAPTOP' WHERE id = ?", reconditioned);
    IndicatorQueries.SourceKey before = queries.sourceKey();
    assertThat(before.pending()).isPositive();

    // when
    queries.compactSourceChanges();

    // then
    IndicatorQueries.SourceKey after = queries.sourceKey();
    assertThat(after.pending()).isZero();
    assertThat(after.sameSources(before)).isTrue();

    // when: one more change after the fold
    jdbc.update("UPDATE asset SET category = 'DESKTOP' WHERE id = ?", reconditioned);

    // then
    assertThat(queries.sourceKey().sameSources(after)).isFalse();
  }

  private String rateOf2025() throws Exception {
    return page2025().select("#kpi-reemploi .kpi").text();
  }

  private Document page2025() throws Exception {
    return Jsoup.parse(
        mvc.perform(get("/indicators").param("annee", "2025").with(IndicatorsPagesTests.AUDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
