package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.inventory.CustodySeal;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** The indicators benchmark's history generator: where it refuses to write, and what it writes. */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class BenchHistoryTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired CustodySeal seal;
  @Autowired OutcomeFactRepository facts;
  @Autowired AvoidedEmissionLedger ledger;
  @Autowired SpendLedgerService spendLedger;
  @Autowired InventoryService inventory;
  @Autowired IndicatorsService indicators;
  @Autowired TestClock clock;

  @BeforeEach
  @AfterEach
  void clean() {
    jdbc.update(
        "DELETE FROM donation WHERE beneficiary_id IN (SELECT id FROM donation_beneficiary"
            + " WHERE rna IN ('W761999991', 'W761999992'))");
    jdbc.update(
        "DELETE FROM donation_request WHERE beneficiary_id IN (SELECT id FROM"
            + " donation_beneficiary WHERE rna IN ('W761999991', 'W761999992'))");
    jdbc.update("DELETE FROM donation_beneficiary WHERE rna IN ('W761999991', 'W761999992')");
    SeededAssets.clean(jdbc);
  }

  @Test
  void shouldRefuseOutsideEmbeddedModeOutsideDemoModeAndOnAnInventoryThatIsNotEmpty() {
    // given / when / then
    assertThatThrownBy(() -> BenchHistory.checkAllowed("camunda", true, 0))
        .hasMessageContaining("mode embarqué");
    assertThatThrownBy(() -> BenchHistory.checkAllowed("embedded", false, 0))
        .hasMessageContaining("mode démonstration");
    assertThatThrownBy(() -> BenchHistory.checkAllowed("embedded", true, 1))
        .hasMessageContaining("inventaire compte déjà 1 équipement");
  }

  @Test
  void shouldRefuseToStartWhenTheInventoryHoldsAnAssetAndWriteNothing() {
    // given: demo and embedded mode, one asset registered
    new SeededAssets(jdbc)
        .asset("REAL-1", fr.secondevie.inventory.AssetCategory.DESKTOP)
        .retiredOn("2024-03-01")
        .save();
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("secondevie.mode", "embedded")
            .withProperty("secondevie.demo.enabled", "true")
            .withProperty("secondevie.bench-history.years", "1")
            .withProperty("secondevie.bench-history.assets-per-year", "5");
    BenchHistoryGenerator generator =
        new BenchHistoryGenerator(
            environment, jdbc, transactions, seal, facts, ledger, spendLedger, clock);

    // when / then
    assertThatThrownBy(() -> generator.run(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inventaire compte déjà 1 équipement");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset", Long.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outcome_fact", Long.class)).isZero();
  }

  @Test
  void shouldWriteTheYearsUpToLastYearWithSealedChainsFactsDonationsAndSpend() {
    // given: an empty inventory in demo and embedded mode
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("secondevie.mode", "embedded")
            .withProperty("secondevie.demo.enabled", "true")
            .withProperty("secondevie.bench-history.years", "3")
            .withProperty("secondevie.bench-history.assets-per-year", "40");
    BenchHistoryGenerator generator =
        new BenchHistoryGenerator(
            environment, jdbc, transactions, seal, facts, ledger, spendLedger, clock);
    int last = indicators.currentYear() - 1;

    // when
    generator.run(null);

    // then: 40 retirements started in each of the three years before the current one
    List<Map<String, Object>> byYear =
        jdbc.queryForList(
            "SELECT YEAR(c.occurred_at) AS y, COUNT(*) AS n FROM custody_entry c"
                + " WHERE c.to_status = 'DECOMMISSIONING' GROUP BY y ORDER BY y");
    assertThat(byYear)
        .extracting(r -> ((Number) r.get("y")).intValue(), r -> ((Number) r.get("n")).intValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(last - 2, 40),
            org.assertj.core.groups.Tuple.tuple(last - 1, 40),
            org.assertj.core.groups.Tuple.tuple(last, 40));
    long assets = jdbc.queryForObject("SELECT COUNT(*) FROM asset", Long.class);
    long withdrawn =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM custody_entry WHERE from_status = 'DECOMMISSIONING'"
                + " AND to_status = 'IN_SERVICE'",
            Long.class);
    long outcomes = jdbc.queryForObject("SELECT COUNT(*) FROM outcome_fact", Long.class);
    assertThat(assets).isEqualTo(120);
    assertThat(outcomes).isEqualTo(assets - withdrawn);
    // every outcome fact dated after its asset's retirement, no later than the year after
    assertThat(
            jdbc.queryForObject(
                "SELECT MIN(outcome_year) * 10000 + MAX(outcome_year) FROM outcome_fact",
                Integer.class))
        .isBetween((last - 2) * 10000 + last, (last - 2) * 10000 + last + 1);
    // a donation row for each donation fact, handed over on the outcome date
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM outcome_fact f JOIN donation d ON d.asset_id = f.asset_id"
                    + " AND d.handed_over_on = f.outcome_date AND d.status = 'HANDED_OVER'",
                Long.class))
        .isEqualTo(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM outcome_fact WHERE outcome = 'DONATION'", Long.class))
        .isPositive();
    // an avoided-emission entry for each reuse-oriented fact
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avoided_emission_entry", Long.class))
        .isEqualTo(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM outcome_fact WHERE reuse_oriented", Long.class));
    // eight spend lines a year (a fifth of the assets), imported
    assertThat(
            jdbc.queryForList(
                "SELECT COUNT(*) FROM spend_ledger_line GROUP BY spend_year ORDER BY spend_year",
                Long.class))
        .containsExactly(8L, 8L, 8L);
    // every chain is sealed with the application's key and verifies
    List<Long> ids = jdbc.queryForList("SELECT id FROM asset", Long.class);
    assertThat(ids).allSatisfy(id -> assertThat(inventory.verifyCustody(id).intact()).isTrue());
    // and the indicators read it: a reuse rate for last year
    ReuseRate rate = indicators.figures(last).reuseRate();
    assertThat(rate.numerator()).isNotEmpty();
    assertThat(rate.rate()).isPresent();
  }
}
