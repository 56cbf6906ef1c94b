package fr.secondevie.indicators;

import fr.secondevie.indicators.YearFigures.AdaptedSector;
import fr.secondevie.indicators.YearFigures.Volumes;
import fr.secondevie.inventory.AssetCategory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the figures of a year, and the trend of the reuse rate over the years. */
@Service
@Transactional(readOnly = true)
public class IndicatorsService {

  private static final ZoneId PARIS = ReuseRateCalculator.PARIS;

  private final SpendQueries spend;
  private final VolumeQueries volumeQueries;
  private final ReuseRateCache rates;
  private final AvoidedEmissionLedger ledger;
  private final DeclaredResults declared;
  private final IndicatorsProperties properties;
  private final Clock clock;

  IndicatorsService(
      SpendQueries spend,
      VolumeQueries volumeQueries,
      ReuseRateCache rates,
      AvoidedEmissionLedger ledger,
      DeclaredResults declared,
      IndicatorsProperties properties,
      Clock clock) {
    this.spend = spend;
    this.volumeQueries = volumeQueries;
    this.rates = rates;
    this.ledger = ledger;
    this.declared = declared;
    this.properties = properties;
    this.clock = clock;
  }

  /** The current calendar year in Europe/Paris. */
  public int currentYear() {
    return LocalDate.now(clock.withZone(PARIS)).getYear();
  }

  /** Headline figures of the current year, for the home page. */
  public Headline headline() {
    YearFigures f = figures(currentYear());
    Integer target = f.reuseRate().target();
    return new Headline(
        f.year(),
        f.reuseRate().display(),
        target == null ? "—" : target + " %",
        f.purchaseShare().display(),
        DataTable.display(f.avoidedKg()) + " kg CO2e");
  }

  YearFigures figures(int year) {
    ReuseRateCache.Snapshot snapshot = rates.current();
    return figures(year, snapshot.rate(year), snapshot.purchaseShare(year, spend::purchaseShare));
  }

  /**
   * What the Indicateurs page shows of a year: its figures, the trends and every table, kept under
   * the key of the recorded data ({@link ReuseRateCache}) until one of the tables they are read
   * from changes.
   */
  record Page(
      View view,
      List<PurchaseShare> purchases,
      Map<String, DataTable> tables,
      java.util.concurrent.ConcurrentMap<String, String> bodies) {

    Page(View view, List<PurchaseShare> purchases, Map<String, DataTable> tables) {
      this(
          view,
          List.copyOf(purchases),
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables)),
          new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** The first rows of one of the page's tables ({@link DataTable#bodyHtml}), built once. */
    public String body(DataTable table, String assetBase) {
      return body(table, assetBase, 1);
    }

    /** One page of rows of one of the page's tables, built once per kept page. */
    public String body(DataTable table, String assetBase, int page) {
      return bodies.computeIfAbsent(
          table.id() + " " + page + " " + assetBase, k -> table.bodyHtml(assetBase, page));
    }
  }

  Page page(int year) {
    ReuseRateCache.Snapshot snapshot = rates.current();
    return snapshot.page(
        year,
        currentYear(),
        () -> {
          View view = view(snapshot, year);
          List<PurchaseShare> purchases = purchaseTrend(snapshot, view.trend());
          return new Page(
              view,
              purchases,
              IndicatorTables.of(
                  view.figures(),
                  view.trend(),
                  purchases,
                  spend.spendLines(year),
                  ledger.factors(),
                  declared.all()));
        });
  }

  /** The figures of a year and the reuse-rate trend, from one reading of the histories. */
  record View(YearFigures figures, List<ReuseRate> trend) {}

  /**
   * What the page and the annual report show: {@link #figures(int)} and {@link #reuseTrend()}, from
   * one reading of the status histories and outcome facts ({@link ReuseRateCache}: kept until one
   * of them changes).
   */
  View view(int year) {
    return view(rates.current(), year);
  }

  private View view(ReuseRateCache.Snapshot snapshot, int year) {
    List<ReuseRate> trend = reuseTrend(snapshot);
    return new View(
        figures(year, snapshot.rate(year), snapshot.purchaseShare(year, spend::purchaseShare)),
        trend);
  }

  private YearFigures figures(int year, ReuseRate rate, PurchaseShare share) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    AdaptedSector adapted =
        new AdaptedSector(
            volumeQueries.adaptedSectorLots(
                first.atStartOfDay(PARIS).toInstant(),
                first.plusYears(1).atStartOfDay(PARIS).toInstant()),
            properties.deductionRate(),
            properties.deductionSource());
    Volumes volumes =
        new Volumes(
            volumeQueries.volumes(year, "outcome", ReuseRateCalculator::label),
            volumeQueries.volumes(year, "category", IndicatorsService::categoryLabel),
            volumeQueries.volumes(year, "site", s -> s.isEmpty() ? "(site inconnu)" : s),
            volumeQueries.donations(first, last),
            volumeQueries.pickedUpLots(first, last),
            volumeQueries.supplierMaturity());
    List<String> warnings = new ArrayList<>();
    List<String> unweighed = volumeQueries.outcomesWithoutWeight(year);
    if (!unweighed.isEmpty()) {
      warnings.add(
          unweighed.size()
              + " équipement(s) sans poids individuel (le poids est celui des lots pesés) : "
              + abbreviate(unweighed));
    }
    List<String> uncommitted =
        rate.excluded().stream()
            .filter(e -> e.reason().contains("engagement"))
            .map(ReuseRate.Exclusion::inventoryNumber)
            .toList();
    if (!uncommitted.isEmpty()) {
      warnings.add(
          uncommitted.size()
              + " don(s) sans engagement préalable de réemploi, non comptés dans A : "
              + abbreviate(uncommitted));
    }
    List<String> missing = volumeQueries.lotsWithoutAttestation(first, last);
    if (!missing.isEmpty()) {
      warnings.add(
          missing.size()
              + " lot(s) enlevé(s) sans attestation EA/ESAT saisie : "
              + abbreviate(missing));
    }
    return new YearFigures(year, rate, share, adapted, ledger.entries(year), volumes, warnings);
  }

  /** Reuse rate of every year from the first with data to the current one. */
  List<ReuseRate> reuseTrend() {
    return reuseTrend(rates.current());
  }

  private List<ReuseRate> reuseTrend(ReuseRateCache.Snapshot snapshot) {
    TreeSet<Integer> years = new TreeSet<>(snapshot.yearsWithData());
    int current = currentYear();
    years.add(current);
    Map<Integer, ReuseRate> trend = new LinkedHashMap<>();
    for (int y = Math.max(years.first(), current - 14); y <= current; y++) {
      trend.put(y, snapshot.rate(y));
    }
    return List.copyOf(trend.values());
  }

  /** AGEC share of every year from the first with data to the current one. */
  List<PurchaseShare> purchaseTrend(Collection<ReuseRate> years) {
    return purchaseTrend(rates.current(), years);
  }

  private List<PurchaseShare> purchaseTrend(
      ReuseRateCache.Snapshot snapshot, Collection<ReuseRate> years) {
    return years.stream().map(r -> snapshot.purchaseShare(r.year(), spend::purchaseShare)).toList();
  }

  /** Spend lines of a year. */
  List<SpendLedgerCsv.Line> spendLines(int year) {
    return spend.spendLines(year);
  }

  /** What the reuse rates are computed from: status histories and outcome facts. */
  record Inputs(List<AssetHistory> histories, List<ReuseOutcome> outcomes) {

    Inputs {
      histories = List.copyOf(histories);
      outcomes = List.copyOf(outcomes);
    }
  }

  private static String categoryLabel(String code) {
    try {
      return AssetCategory.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  private static String abbreviate(List<String> items) {
    return items.size() <= 10
        ? String.join(", ", items)
        : String.join(", ", items.subList(0, 10)) + "…";
  }
}
