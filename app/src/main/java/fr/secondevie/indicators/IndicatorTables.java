package fr.secondevie.indicators;

import fr.secondevie.indicators.YearFigures.Count;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a year, in page order, each also exported as CSV under its id. Columns are
 * documented in docs/indicators.md.
 */
final class IndicatorTables {

  private IndicatorTables() {}

  static Map<String, DataTable> of(
      YearFigures f,
      List<ReuseRate> trend,
      List<PurchaseShare> purchaseTrend,
      List<SpendLedgerCsv.Line> spend,
      List<EmissionFactor> factors,
      List<DeclaredResults.Declared> declared) {
    Map<String, DataTable> t = new LinkedHashMap<>();
    add(t, reuseTrend(trend));
    add(
        t,
        DataTable.of(
                "reemploi-a",
                "Équipements comptés dans A (orientés vers le réemploi en " + f.year() + ")",
                List.of("numero_inventaire", "categorie", "orientation"),
                0)
            .with(items(f.reuseRate().numerator())));
    add(
        t,
        DataTable.of(
                "reemploi-b",
                "Équipements comptés dans B (réformés en stock au 1er janvier " + f.year() + ")",
                List.of("numero_inventaire", "categorie", "statut_au_1er_janvier"),
                0)
            .with(items(f.reuseRate().denominator())));
    add(
        t,
        DataTable.of(
                "reemploi-exclus",
                "Équipements exclus du taux de réemploi " + f.year() + ", avec la raison",
                List.of("numero_inventaire", "categorie", "terme", "raison"),
                0)
            .with(
                f.reuseRate().excluded().stream()
                    .map(
                        e ->
                            row(
                                new DataTable.AssetRef(e.assetId(), e.inventoryNumber()),
                                e.category(),
                                e.part(),
                                e.reason()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "champ-decret",
                "Catégories et champ du décret 2023-266",
                List.of("categorie", "dans_le_champ", "justification"),
                -1)
            .with(
                java.util.Arrays.stream(DecreeScope.values())
                    .map(s -> row(s.category().label(), s.inScope() ? "oui" : "non", s.reason()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "achats-reconditionnes",
                "Part des achats informatiques issus du réemploi ou reconditionnés, par année",
                List.of(
                    "annee",
                    "depense_totale_ht_euros",
                    "depense_reemploi_ht_euros",
                    "part_pct",
                    "cible_pct"),
                -1)
            .with(
                purchaseTrend.stream()
                    .map(
                        p ->
                            row(
                                String.valueOf(p.year()),
                                euros(p.totalCents()),
                                euros(p.reusedCents()),
                                p.share().orElse(null),
                                PurchaseShare.TARGET))
                    .toList()));
    add(
        t,
        DataTable.of(
                "depenses",
                "Registre des dépenses " + f.year(),
                List.of("date", "piece", "fournisseur", "libelle", "montant_ht_euros", "nature"),
                -1)
            .with(
                spend.stream()
                    .map(
                        l ->
                            row(
                                l.date(),
                                l.reference(),
                                l.supplier(),
                                l.label(),
                                euros(l.amountCents()),
                                l.nature().label()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "ea-esat",
                "Lots démantelés par le secteur adapté et protégé (attestations saisies en "
                    + f.year()
                    + ")",
                List.of(
                    "lot",
                    "entreprise",
                    "type",
                    "siret",
                    "unites",
                    "poids_kg",
                    "montant_facture_ht_euros",
                    "cout_main_oeuvre_euros",
                    "deduction_euros",
                    "reference_attestation"),
                -1)
            .with(
                f.adaptedSector().lots().stream()
                    .map(
                        l ->
                            row(
                                l.number(),
                                l.company(),
                                l.companyType(),
                                l.companySiret(),
                                l.units(),
                                l.weightKg(),
                                l.invoiceCents() == null ? null : euros(l.invoiceCents()),
                                l.labourCostCents() == null ? null : euros(l.labourCostCents()),
                                l.labourCostCents() == null
                                    ? null
                                    : euros(
                                        BigDecimal.valueOf(l.labourCostCents())
                                            .multiply(f.adaptedSector().deductionRate())
                                            .setScale(0, java.math.RoundingMode.HALF_UP)
                                            .longValue()),
                                l.attestationRef()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "emissions-evitees",
                "Registre des émissions évitées " + f.year() + " (hors bilan, jamais déduites)",
                List.of(
                    "numero_inventaire",
                    "categorie",
                    "orientation",
                    "date",
                    "version_facteur",
                    "kg_co2e_evites",
                    "annees_de_vie_gagnees"),
                0)
            .with(
                f.emissions().stream()
                    .map(
                        e ->
                            row(
                                new DataTable.AssetRef(e.assetId(), e.inventoryNumber()),
                                categoryLabel(e.category()),
                                ReuseRateCalculator.label(e.outcome()),
                                e.outcomeDate(),
                                e.factorVersion(),
                                e.kgCo2e(),
                                e.lifeYearsGained()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "facteurs-emission",
                "Facteurs d'émission évitée par catégorie (toutes versions)",
                List.of("version", "applicable_depuis", "categorie", "kg_co2e_par_unite", "source"),
                -1)
            .with(
                factors.stream()
                    .map(
                        x ->
                            row(
                                x.version(),
                                x.validFrom(),
                                categoryLabel(x.category()),
                                x.kgCo2e(),
                                x.source()))
                    .toList()));
    add(
        t,
        counts(
            "volumes-orientation",
            "Volumes " + f.year() + " par orientation",
            "orientation",
            f.volumes().byRoute()));
    add(
        t,
        counts(
            "volumes-categorie",
            "Volumes " + f.year() + " par catégorie",
            "categorie",
            f.volumes().byCategory()));
    add(
        t,
        counts("volumes-site", "Volumes " + f.year() + " par site", "site", f.volumes().bySite()));
    add(
        t,
        DataTable.of(
                "dons",
                "Dons remis en "
                    + f.year()
                    + " par bénéficiaire et catégorie juridique (CGPPP L3212-2)",
                List.of("beneficiaire", "categorie_juridique", "fondement", "unites"),
                -1)
            .with(
                f.volumes().donations().stream()
                    .map(d -> row(d.beneficiary(), d.legalCategory(), d.article(), d.units()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "deee",
                "DEEE remis en "
                    + f.year()
                    + " (lots enlevés) avec les numéros de suivi des déchets",
                List.of(
                    "lot",
                    "entreprise",
                    "date_enlevement",
                    "unites",
                    "poids_kg",
                    "numero_suivi_dechets"),
                -1)
            .with(
                f.volumes().deee().stream()
                    .map(
                        l ->
                            row(
                                l.number(),
                                l.company(),
                                l.pickedUpOn(),
                                l.units(),
                                l.weightKg(),
                                l.wasteTrackingNumber()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "maturite-fournisseurs",
                "Fournisseurs par niveau de maturité (registre actuel)",
                List.of("niveau_maturite", "fournisseurs"),
                -1)
            .with(
                f.volumes().supplierMaturity().stream()
                    .map(c -> row(c.key(), c.units()))
                    .toList()));
    add(
        t,
        DataTable.of(
                "resultats-declares",
                "Résultats déclarés (années antérieures, non calculés par Seconde Vie)",
                List.of(
                    "annees",
                    "indicateur",
                    "resultat",
                    "justificatif",
                    "declare_par",
                    "declare_le"),
                -1)
            .with(
                declared.stream()
                    .map(
                        d ->
                            row(
                                d.years(),
                                d.indicator(),
                                d.figure(),
                                d.evidence(),
                                d.author(),
                                d.declaredAt().atZone(ReuseRateCalculator.PARIS).toLocalDate()))
                    .toList()));
    return t;
  }

  static DataTable reuseTrend(List<ReuseRate> trend) {
    return DataTable.of(
            "taux-reemploi",
            "Taux de réemploi (décret 2023-266) par année",
            List.of("annee", "a", "b", "taux_pct", "cible_pct", "calculable"),
            -1)
        .with(
            trend.stream()
                .map(
                    r ->
                        row(
                            String.valueOf(r.year()),
                            r.a(),
                            r.b(),
                            r.rate().orElse(null),
                            r.target(),
                            r.rate().isPresent() ? "oui" : "non calculable (B = 0)"))
                .toList());
  }

  private static DataTable counts(String id, String caption, String key, List<Count> counts) {
    return DataTable.of(id, caption, List.of(key, "unites", "unites_pesees", "poids_kg"), -1)
        .with(
            counts.stream()
                .map(c -> row(c.label(), c.units(), c.weighed(), c.weightKg()))
                .toList());
  }

  private static List<List<Object>> items(List<ReuseRate.Item> items) {
    return items.stream()
        .map(
            i ->
                row(
                    new DataTable.AssetRef(i.assetId(), i.inventoryNumber()),
                    i.category(),
                    i.detail()))
        .toList();
  }

  static BigDecimal euros(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static String categoryLabel(String code) {
    try {
      return fr.secondevie.inventory.AssetCategory.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  private static List<Object> row(Object... cells) {
    return new ArrayList<>(java.util.Arrays.asList(cells));
  }

  private static void add(Map<String, DataTable> tables, DataTable table) {
    tables.put(table.id(), table);
  }
}
