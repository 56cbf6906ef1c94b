package fr.secondevie.indicators;

import java.util.List;
import java.util.Map;

/**
 * The figures of a year as frozen in a report version: what the PDF and the CSV files are made of.
 * Later data never changes it.
 *
 * @param headline label → value, in display order
 */
record FrozenReport(
    int year,
    int version,
    String computedAt,
    Map<String, String> headline,
    List<String> warnings,
    List<Table> tables,
    List<ChartBar> reuseChart,
    List<String> declared) {

  /** One bar of the reuse-rate chart: width in percent of the line (0 to 100), and its text. */
  record ChartBar(String year, int widthPct, String text) {}

  /** One table: its display rows for the PDF and its CSV text. */
  record Table(
      String id, String caption, List<String> columns, List<List<String>> rows, String csv) {}

  static FrozenReport of(
      YearFigures f,
      Map<String, DataTable> tables,
      List<ReuseRate> trend,
      int version,
      String computedAt,
      List<String> declared) {
    Map<String, String> headline = new java.util.LinkedHashMap<>();
    ReuseRate r = f.reuseRate();
    headline.put(
        "Taux de réemploi (décret 2023-266)",
        r.display()
            + " (A = "
            + r.a()
            + ", B = "
            + r.b()
            + (r.target() == null ? ", pas de cible" : ", cible " + r.target() + " %")
            + ")");
    headline.put(
        "Part des achats reconditionnés ou issus du réemploi (AGEC)",
        f.purchaseShare().display() + " (cible " + PurchaseShare.TARGET + " %)");
    headline.put(
        "Secteur adapté et protégé (EA/ESAT)",
        f.adaptedSector().units()
            + " unités, "
            + DataTable.display(f.adaptedSector().weightKg())
            + " kg, "
            + f.adaptedSector().lots().size()
            + " lot(s), main-d'œuvre "
            + DataTable.display(IndicatorTables.euros(f.adaptedSector().labourCostCents()))
            + " €, déduction "
            + DataTable.display(IndicatorTables.euros(f.adaptedSector().deductionCents()))
            + " €");
    headline.put(
        "Émissions évitées (hors bilan, jamais déduites)", f.avoidedKgDisplay() + " kg CO2e");
    headline.put("Équipements sortis", String.valueOf(f.volumes().units()));
    List<Table> frozen =
        tables.values().stream()
            .map(t -> new Table(t.id(), t.caption(), t.columns(), t.displayRows(), t.csv()))
            .toList();
    List<ChartBar> chart =
        trend.stream()
            .map(
                t ->
                    new ChartBar(
                        String.valueOf(t.year()),
                        t.rate().map(x -> Math.min(100, x.intValue())).orElse(0),
                        t.display() + (t.target() == null ? "" : " (cible " + t.target() + " %)")))
            .toList();
    return new FrozenReport(
        f.year(), version, computedAt, headline, f.warnings(), frozen, chart, declared);
  }

  Table table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }
}
