package fr.secondevie.indicators;

import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.CustodySeal;
import fr.secondevie.inventory.DispositionRoute;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes years of end-of-life history for the indicators benchmark ({@code bench/README.md}): for
 * each year, retired assets with their chain of custody (registration, retirement, sanitization,
 * route, final status; a few withdrawn at regularization), the outcome fact of each one that ended
 * with its avoided-emission entry, the donations handed over, and the year's spend ledger imported
 * as the accounting export would be.
 *
 * <p>The rows are those the application writes through its services, written in batches: each
 * custody entry is sealed by {@link CustodySeal} with the application's key and chained to the
 * previous one, the asset's row carries the head of its chain, the outcome facts go through the
 * repository and the avoided-emission ledger, the spend ledger through its CSV import. Every row
 * names the bench as its author ({@code bench-history}); the outcome facts have no P2 instance
 * (process instance key 0). Dates come from a seeded random, inside the years asked for, so that
 * two runs generate the same history.
 */
final class BenchHistory {

  static final String ACTOR = "bench-history";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CustodySeal seal;
  private final OutcomeFactRepository facts;
  private final AvoidedEmissionLedger ledger;
  private final SpendLedgerService spendLedger;
  private final Clock clock;

  BenchHistory(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      CustodySeal seal,
      OutcomeFactRepository facts,
      AvoidedEmissionLedger ledger,
      SpendLedgerService spendLedger,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.seal = seal;
    this.facts = facts;
    this.ledger = ledger;
    this.spendLedger = spendLedger;
    this.clock = clock;
  }

  /** What was written, per year of retirement. */
  record Summary(
      Map<Integer, Integer> retiredByYear,
      Map<Integer, Integer> withdrawnByYear,
      int custodyEntries,
      int outcomeFacts,
      int donations,
      int spendLines) {}

  /**
   * Refuses to write unless the application is a throw-away demo: embedded mode, demo mode on, and
   * an empty inventory.
   *
   * @throws IllegalStateException with the reason, in French
   */
  static void checkAllowed(String mode, boolean demo, long assets) {
    if (!"embedded".equals(mode)) {
      throw new IllegalStateException(
          "Historique de banc d'essai refusé : réservé au mode embarqué (mode « " + mode + " »)");
    }
    if (!demo) {
      throw new IllegalStateException(
          "Historique de banc d'essai refusé : réservé au mode démonstration"
              + " (profil demo ou SECONDEVIE_DEMO_ENABLED=true)");
    }
    if (assets > 0) {
      throw new IllegalStateException(
          "Historique de banc d'essai refusé : l'inventaire compte déjà "
              + assets
              + " équipement(s) ; il n'écrit que dans un inventaire vide");
    }
  }

  /**
   * Writes {@code perYear} retirements for each year from {@code firstYear} to {@code lastYear}.
   * Inventory numbers start with {@code prefix}.
   */
  Summary generate(int firstYear, int lastYear, int perYear, String prefix, long seed) {
    Random random = new Random(seed);
    long[] beneficiaries = beneficiaries(firstYear);
    Map<Integer, Integer> retired = new TreeMap<>();
    Map<Integer, Integer> withdrawn = new TreeMap<>();
    int entries = 0;
    int outcomes = 0;
    int donations = 0;
    for (int year = firstYear; year <= lastYear; year++) {
      List<BenchHistoryPlans.Planned> plans = new ArrayList<>();
      for (int i = 1; i <= perYear; i++) {
        plans.add(BenchHistoryPlans.plan(random, "%s-%d-%05d".formatted(prefix, year, i), year));
      }
      for (int from = 0; from < plans.size(); from += 300) {
        List<BenchHistoryPlans.Planned> chunk =
            plans.subList(from, Math.min(plans.size(), from + 300));
        int[] written = transactions.execute(status -> write(chunk, beneficiaries));
        entries += written[0];
        outcomes += written[1];
        donations += written[2];
      }
      retired.put(year, (int) plans.stream().filter(p -> p.outcome != null).count());
      withdrawn.put(year, (int) plans.stream().filter(p -> p.outcome == null).count());
    }
    int spend = importSpendLedger(firstYear, lastYear, perYear, random);
    return new Summary(retired, withdrawn, entries, outcomes, donations, spend);
  }

  /** Writes the assets of a chunk, their chains, facts and donations; [entries, facts, gifts]. */
  private int[] write(List<BenchHistoryPlans.Planned> chunk, long[] beneficiaries) {
    Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
    for (BenchHistoryPlans.Planned p : chunk) {
      BenchHistoryPlans.Planned last = p;
      AssetStatus status = p.steps.get(p.steps.size() - 1).to();
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      jdbc.update(
          c -> {
            var s =
                c.prepareStatement(
                    "INSERT INTO asset (inventory_number, serial_number, name, category,"
                        + " manufacturer, model, site, acquisition_date, acquisition_cost_cents,"
                        + " status, route, created_at, updated_at) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            s.setString(1, last.number);
            s.setString(2, "SN-" + last.number);
            s.setString(3, last.category.label() + " " + last.number);
            s.setString(4, last.category.name());
            s.setString(5, "Dell");
            s.setString(6, "Modèle " + last.category.name().toLowerCase(java.util.Locale.ROOT));
            s.setString(7, last.site);
            s.setObject(8, last.acquired);
            s.setLong(9, last.costCents);
            s.setString(10, status.name());
            s.setString(11, last.outcome == null ? null : last.outcome.name());
            s.setTimestamp(12, Timestamp.from(last.steps.get(0).at()));
            s.setTimestamp(13, Timestamp.from(last.steps.get(last.steps.size() - 1).at()));
            return s;
          },
          key);
      p.id = key.getKey().longValue();
    }
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> heads = new ArrayList<>();
    for (BenchHistoryPlans.Planned p : chunk) {
      String previous = CustodyEntry.GENESIS;
      int seq = 0;
      for (BenchHistoryPlans.Step s : p.steps) {
        seq++;
        CustodyEntry e =
            seal.seal(
                p.id,
                seq,
                s.at(),
                ACTOR,
                s.action(),
                s.from(),
                s.to(),
                s.details() == null ? "Enregistré : " + p.category.label() : s.details(),
                null,
                ACTOR + ":" + p.number + ":" + seq,
                previous);
        rows.add(
            new Object[] {
              e.assetId(),
              e.seq(),
              Timestamp.from(e.occurredAt()),
              e.actor(),
              e.action().name(),
              e.fromStatus() == null ? null : e.fromStatus().name(),
              e.toStatus() == null ? null : e.toStatus().name(),
              e.details(),
              e.evidence(),
              e.operationId(),
              e.previousHash(),
              e.hash(),
              e.hashAlg(),
              e.keyId()
            });
        previous = e.hash();
      }
      heads.add(new Object[] {seq, previous, p.id});
    }
    jdbc.batchUpdate(
        "INSERT INTO custody_entry (asset_id, seq, occurred_at, actor, action, from_status,"
            + " to_status, details, evidence, operation_id, previous_hash, hash, hash_alg, key_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    jdbc.batchUpdate(
        "UPDATE asset SET custody_length = ?, custody_head_hash = ? WHERE id = ?", heads);
    int outcomes = 0;
    int gifts = 0;
    for (BenchHistoryPlans.Planned p : chunk) {
      if (p.outcome == null) {
        continue;
      }
      boolean donation = p.outcome == DispositionRoute.DONATION;
      if (donation) {
        long beneficiary = p.committedBeneficiary ? beneficiaries[0] : beneficiaries[1];
        jdbc.update(
            "INSERT INTO donation (request_id, beneficiary_id, asset_id, inventory_number, status,"
                + " operation_id, prepared_at, handed_over_on, recipient_name, recipient_role,"
                + " handover_recorded_at) VALUES (?, ?, ?, ?, 'HANDED_OVER', ?, ?, ?, ?, ?, ?)",
            beneficiaries[p.committedBeneficiary ? 2 : 3],
            beneficiary,
            p.id,
            p.number,
            ACTOR + ":donation:" + p.number,
            Timestamp.from(BenchHistoryPlans.instant(p.outcomeDate.minusDays(7), 10)),
            p.outcomeDate,
            "Responsable de l'association",
            "Président",
            now);
        gifts++;
      }
      OutcomeFact fact =
          facts.save(
              new OutcomeFact(
                  null,
                  p.id,
                  p.number,
                  p.category.name(),
                  p.site,
                  null,
                  0,
                  p.outcome.name(),
                  p.outcome.name(),
                  "Historique de banc d'essai",
                  false,
                  OutcomeService.REUSE_ORIENTED.contains(p.outcome.name()),
                  "PASSED",
                  p.outcomeDate,
                  p.outcomeDate.getYear(),
                  p.acquired,
                  p.costCents,
                  OutcomeService.age(p.acquired, p.outcomeDate),
                  null,
                  p.outcome == DispositionRoute.RECYCLE ? null : new BigDecimal("3.00"),
                  p.outcome == DispositionRoute.RECONDITION ? 9_000L : null,
                  donation ? "Responsable de l'association" : null,
                  donation ? p.outcomeDate : null,
                  null,
                  null,
                  null,
                  ACTOR + ":outcome:" + p.number,
                  clock.instant().truncatedTo(ChronoUnit.MICROS)));
      ledger.post(fact);
      outcomes++;
    }
    return new int[] {rows.size(), outcomes, gifts};
  }

  /**
   * Two beneficiaries (one that signed the reuse commitment before the first year, one that never
   * did) and a request each: [committed, uncommitted, committed's request, uncommitted's request].
   */
  private long[] beneficiaries(int firstYear) {
    long[] ids = new long[4];
    Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
    String[][] named = {
      {"Association de banc d'essai (engagée)", "W761999991"},
      {"Association de banc d'essai (sans engagement)", "W761999992"}
    };
    for (int i = 0; i < 2; i++) {
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      int n = i;
      jdbc.update(
          c -> {
            var s =
                c.prepareStatement(
                    "INSERT INTO donation_beneficiary (name, rna, legal_category, address,"
                        + " contact_email, reuse_commitment_signed_on, created_at, updated_at)"
                        + " VALUES (?, ?, 'GENERAL_INTEREST_PRECARITY', '1 rue du Banc, 76000"
                        + " Rouen', 'banc@example.org', ?, ?, ?)",
                    new String[] {"id"});
            s.setString(1, named[n][0]);
            s.setString(2, named[n][1]);
            s.setObject(3, n == 0 ? LocalDate.of(firstYear - 1, 12, 1) : null);
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            return s;
          },
          key);
      ids[i] = key.getKey().longValue();
      GeneratedKeyHolder request = new GeneratedKeyHolder();
      jdbc.update(
          c -> {
            var s =
                c.prepareStatement(
                    "INSERT INTO donation_request (beneficiary_id, categories, quantity, status,"
                        + " notes, opened_at, closed_at, closed_reason) VALUES (?, 'DESKTOP,LAPTOP,"
                        + "MONITOR', 100000, 'CLOSED', 'Historique de banc d''essai', ?, ?,"
                        + " 'Historique de banc d''essai')",
                    new String[] {"id"});
            s.setLong(1, ids[n]);
            s.setTimestamp(2, now);
            s.setTimestamp(3, now);
            return s;
          },
          request);
      ids[2 + i] = request.getKey().longValue();
    }
    return ids;
  }

  /** The IT spend of each year, as the accounting export re-arranged into the import's columns. */
  private int importSpendLedger(int firstYear, int lastYear, int perYear, Random random) {
    StringBuilder csv = new StringBuilder("date;piece;fournisseur;libelle;montant_ht;nature\n");
    int lines = 0;
    for (int year = firstYear; year <= lastYear; year++) {
      int count = Math.max(4, perYear / 5);
      for (int i = 1; i <= count; i++) {
        int n = random.nextInt(100);
        String nature = n < 82 ? "NEUF" : n < 96 ? "RECONDITIONNE" : "REEMPLOI";
        long cents = 10_000 + random.nextInt(2_000_000);
        csv.append(LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)))
            .append(";MDT-")
            .append(year)
            .append('-')
            .append(i)
            .append(";Fournisseur ")
            .append(1 + random.nextInt(12))
            .append(";Matériel informatique;")
            .append(
                BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString())
            .append(';')
            .append(nature)
            .append('\n');
        lines++;
      }
    }
    spendLedger.importFile(
        "registre-banc-" + firstYear + "-" + lastYear + ".csv",
        csv.toString().getBytes(StandardCharsets.UTF_8),
        ACTOR);
    return lines;
  }
}
