package fr.secondevie.indicators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The reuse rates of every year (and the AGEC shares and the Indicateurs page of each year shown),
 * kept between requests for as long as nothing they are computed from has changed: the status
 * histories and outcome facts (with the donations' commitments) of ten years of a hospital take
 * hundreds of milliseconds to read and compute, the Indicateurs page has to answer in less than
 * 100.
 *
 * <p>What "changed" means is decided by the database, not by the application's writers: triggers
 * (V136) add a row to {@code indicator_source_change} in the transaction of every write to {@code
 * custody_entry}, {@code asset} (number, category, acquisition date), {@code outcome_fact}, {@code
 * donation}, {@code donation_beneficiary} and {@code spend_ledger_line}, and (V137) to the other
 * tables the page shows ({@code avoided_emission_entry}, {@code emission_factor}, {@code
 * dismantling_lot}, {@code dismantling_lot_asset}, {@code adapted_company}, {@code supplier},
 * {@code declared_result}), whoever makes it. Before each use the key of those changes ({@link
 * IndicatorQueries.SourceKey}: one read of two small rows) is read first, then the kept figures are
 * used only when it is the key they were computed under; otherwise everything is read again.
 * Reading the key before the data means kept figures are never older than their key (READ
 * COMMITTED: each statement sees what was committed before it).
 */
@Component
class ReuseRateCache implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ReuseRateCache.class);

  /** Rows of {@code indicator_source_change} past which they are folded into the count. */
  static final long COMPACT_ABOVE = 1_000;

  private final IndicatorQueries queries;
  private final ExecutorService compactor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "indicators-compaction");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean compacting = new AtomicBoolean();
  private final Object computing = new Object();
  private volatile Snapshot kept;

  ReuseRateCache(IndicatorQueries queries) {
    this.queries = queries;
  }

  /** What the rates are computed from, as of now, and the rates computed from it so far. */
  Snapshot current() {
    IndicatorQueries.SourceKey key = queries.sourceKey();
    Snapshot snapshot = kept;
    if (snapshot != null && snapshot.key().sameSources(key)) {
      return snapshot;
    }
    synchronized (computing) {
      snapshot = kept;
      if (snapshot != null && snapshot.key().sameSources(key)) {
        return snapshot;
      }
      // read after the key: figures kept under a key are at least as new as it
      snapshot = new Snapshot(key, queries.yearsWithData(), inputs());
      kept = snapshot;
    }
    if (key.pending() > COMPACT_ABOVE) {
      compactLater();
    }
    return snapshot;
  }

  private IndicatorsService.Inputs inputs() {
    List<AssetHistory> histories = new ArrayList<>(queries.histories());
    List<ReuseOutcome> outcomes = queries.outcomes();
    Set<Long> known = new HashSet<>();
    histories.forEach(h -> known.add(h.assetId()));
    if (outcomes.stream().anyMatch(o -> !known.contains(o.assetId()))) {
      queries.historiesFromFacts().stream()
          .filter(h -> known.add(h.assetId()))
          .forEach(histories::add);
    }
    return new IndicatorsService.Inputs(histories, outcomes);
  }

  private void compactLater() {
    if (!compacting.compareAndSet(false, true)) {
      return;
    }
    compactor.execute(
        () -> {
          try {
            queries.compactSourceChanges();
          } catch (RuntimeException e) {
            LOG.warn("Could not fold the indicators' change rows into their count", e);
          } finally {
            compacting.set(false);
          }
        });
  }

  @Override
  public void destroy() {
    compactor.shutdownNow();
  }

  /**
   * The inputs read under one key and the reuse rates computed from them, year by year as they are
   * asked for.
   */
  record Snapshot(
      IndicatorQueries.SourceKey key,
      List<Integer> yearsWithData,
      IndicatorsService.Inputs inputs,
      ConcurrentMap<Integer, ReuseRate> rates,
      ConcurrentMap<Integer, PurchaseShare> shares,
      ConcurrentMap<List<Integer>, IndicatorsService.Page> pages) {

    Snapshot(
        IndicatorQueries.SourceKey key, List<Integer> yearsWithData, IndicatorsService.Inputs in) {
      this(
          key,
          List.copyOf(yearsWithData),
          in,
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>());
    }

    /**
     * The page of a year as computed under this key (and this current year): every table it shows
     * is read from tables whose writes change the key (V136, V137), and read after the key.
     */
    IndicatorsService.Page page(
        int year, int currentYear, java.util.function.Supplier<IndicatorsService.Page> compute) {
      List<Integer> at = List.of(year, currentYear);
      IndicatorsService.Page page = pages.get(at);
      if (page == null) {
        page = compute.get();
        pages.putIfAbsent(at, page);
      }
      return page;
    }

    ReuseRate rate(int year) {
      return rates.computeIfAbsent(
          year, y -> ReuseRateCalculator.compute(y, inputs.histories(), inputs.outcomes()));
    }

    /**
     * The AGEC share of a year, read once per key: it is computed from {@code spend_ledger_line}
     * only, whose writes change the key (read after the key, so never older than it).
     */
    PurchaseShare purchaseShare(int year, java.util.function.IntFunction<PurchaseShare> read) {
      return shares.computeIfAbsent(year, read::apply);
    }
  }
}
