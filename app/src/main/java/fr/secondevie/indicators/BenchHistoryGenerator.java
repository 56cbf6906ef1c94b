package fr.secondevie.indicators;

import fr.secondevie.inventory.CustodySeal;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Profile {@code bench-history} only: at start-up, before the application is ready, writes ten
 * years of end-of-life history ({@link BenchHistory}) for the indicators benchmark. It refuses to
 * run, and the application does not start, unless the application is in embedded mode, in demo
 * mode, with an empty inventory: it can never write into a real installation.
 *
 * <p>The history ends with the year before the current one (current year by the application's
 * clock, Europe/Paris). Properties: {@code secondevie.bench-history.years} (default 10), {@code
 * secondevie.bench-history.assets-per-year} (default 1200).
 */
@Component
@Profile("bench-history")
@Order(Ordered.LOWEST_PRECEDENCE)
class BenchHistoryGenerator implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BenchHistoryGenerator.class);

  private final Environment environment;
  private final JdbcTemplate jdbc;
  private final BenchHistory history;
  private final Clock clock;

  BenchHistoryGenerator(
      Environment environment,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      CustodySeal seal,
      OutcomeFactRepository facts,
      AvoidedEmissionLedger ledger,
      SpendLedgerService spendLedger,
      Clock clock) {
    this.environment = environment;
    this.jdbc = jdbc;
    this.clock = clock;
    this.history = new BenchHistory(jdbc, transactions, seal, facts, ledger, spendLedger, clock);
  }

  @Override
  public void run(ApplicationArguments args) {
    BenchHistory.checkAllowed(
        environment.getProperty("secondevie.mode", "embedded"),
        environment.getProperty("secondevie.demo.enabled", Boolean.class, false),
        jdbc.queryForObject("SELECT COUNT(*) FROM asset", Long.class));
    int years = environment.getProperty("secondevie.bench-history.years", Integer.class, 10);
    int perYear =
        environment.getProperty("secondevie.bench-history.assets-per-year", Integer.class, 1200);
    int last = LocalDate.now(clock.withZone(ReuseRateCalculator.PARIS)).getYear() - 1;
    long started = System.nanoTime();
    BenchHistory.Summary summary = history.generate(last - years + 1, last, perYear, "BENCH", 42);
    LOG.info(
        "Bench history generated in {} ms: {} retired by year {}, withdrawn {}, {} custody entries,"
            + " {} outcome facts, {} donations, {} spend lines",
        (System.nanoTime() - started) / 1_000_000,
        summary.retiredByYear().values().stream().mapToInt(Integer::intValue).sum(),
        summary.retiredByYear(),
        summary.withdrawnByYear(),
        summary.custodyEntries(),
        summary.outcomeFacts(),
        summary.donations(),
        summary.spendLines());
  }
}
