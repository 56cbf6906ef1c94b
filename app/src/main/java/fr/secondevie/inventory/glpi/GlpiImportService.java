package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.Sha256;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports GLPI CSV exports, all or nothing, one file at a time in the background.
 *
 * <ol>
 *   <li>The same file (same SHA-256) already imported successfully: DUPLICATE, nothing written.
 *   <li>Read and check every row (encoding, delimiter, columns, values, duplicates in the file).
 *   <li>Compare with the inventory by inventory number: unknown → created; same GLPI data
 *       (fingerprint) → unchanged; changed → updated; same inventory number with another serial
 *       number → error.
 *   <li>Any error: REJECTED with every error (line, column, value, reason), nothing written.
 *       Otherwise write everything in one transaction, each asset with its custody entry.
 * </ol>
 */
@Service
public class GlpiImportService implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(GlpiImportService.class);

  private final ImportRunRepository runs;
  private final ImportWriter writer;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ImportRunOwnership ownership;
  private final Map<Long, ImportProgress> progress = new ConcurrentHashMap<>();
  private final int maxPendingPerUser;
  private final int maxPending;

  /** Imports waiting or running, per user; guarded by {@code this}. */
  private final Map<String, Integer> pendingByUser = new HashMap<>();

  private int pending;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "glpi-import");
            t.setDaemon(true);
            return t;
          });

  GlpiImportService(
      ImportRunRepository runs,
      ImportWriter writer,
      TransactionTemplate transaction,
      Clock clock,
      ImportRunOwnership ownership,
      @Value("${secondevie.imports.max-pending-per-user:2}") int maxPendingPerUser,
      @Value("${secondevie.imports.max-pending:6}") int maxPending) {
    this.maxPendingPerUser = maxPendingPerUser;
    this.maxPending = maxPending;
    this.runs = runs;
    this.writer = writer;
    this.transaction = transaction;
    this.clock = clock;
    this.ownership = ownership;
  }

  /** A started import: its run (PENDING) and its completion. */
  public record Started(ImportRun run, CompletableFuture<ImportRun> completion) {}

  /**
   * Records the upload and imports it in the background.
   *
   * @throws ImportQueueFullException the user already has {@code max-pending-per-user} imports
   *     waiting or running, or everyone together {@code max-pending}: nothing is recorded
   */
  public Started start(String fileName, byte[] bytes, String actor) {
    reserve(actor);
    try {
      return enqueue(fileName, bytes, actor);
    } catch (RuntimeException e) {
      release(actor);
      throw e;
    }
  }

  private synchronized void reserve(String actor) {
    int mine = pendingByUser.getOrDefault(actor, 0);
    if (mine >= maxPendingPerUser) {
      throw new ImportQueueFullException(
          true,
          maxPendingPerUser,
          "Vous avez déjà %d import(s) en attente ou en cours (%d au plus) : attendez la fin de l'un d'eux avant d'en envoyer un autre."
              .formatted(mine, maxPendingPerUser));
    }
    if (pending >= maxPending) {
      throw new ImportQueueFullException(
          false,
          maxPending,
          "%d imports sont déjà en attente ou en cours (%d au plus pour tous les utilisateurs) : réessayez dans quelques minutes."
              .formatted(pending, maxPending));
    }
    pendingByUser.put(actor, mine + 1);
    pending++;
  }

  private synchronized void release(String actor) {
    pendingByUser.computeIfPresent(actor, (user, n) -> n <= 1 ? null : n - 1);
    pending--;
  }

  private Started enqueue(String fileName, byte[] bytes, String actor) {
    String sha256 = Sha256.hex(bytes);
    ImportRun run =
        runs.save(
            ImportRun.start(
                fileName == null || fileName.isBlank() ? "import.csv" : fileName,
                sha256,
                bytes.length,
                actor,
                clock.instant(),
                ownership.replica()));
    long id = run.getId();
    progress.put(
        id,
        new ImportProgress(id, ImportStatus.PENDING, "En attente", 0, estimateRows(bytes), 0, 0));
    CompletableFuture<ImportRun> completion =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return process(id, bytes, actor);
              } finally {
                release(actor);
              }
            },
            executor);
    return new Started(run, completion);
  }

  public Optional<ImportRun> find(long id) {
    return runs.findById(id);
  }

  public List<ImportRun> recent() {
    return runs.findTop20ByOrderByIdDesc();
  }

  /** Live progress while running, or the final state. */
  public Optional<ImportProgress> progress(long id) {
    ImportProgress live = progress.get(id);
    if (live != null) {
      return Optional.of(live);
    }
    return runs.findById(id)
        .map(
            r ->
                new ImportProgress(
                    id,
                    r.getStatus(),
                    r.getStatus().label(),
                    r.getTotalRows(),
                    r.getTotalRows(),
                    r.getCreatedCount() + r.getUpdatedCount(),
                    r.getCreatedCount() + r.getUpdatedCount()));
  }

  private ImportRun process(long id, byte[] bytes, String actor) {
    ImportRun run = runs.findById(id).orElseThrow();
    long started = System.nanoTime();
    try {
      run.running();
      run = runs.save(run);
      update(id, p -> p.with(ImportStatus.RUNNING, "Lecture et contrôle du fichier"));
      Optional<ImportRun> earlier =
          runs.findFirstByFileSha256AndStatusOrderByIdAsc(
              run.getFileSha256(), ImportStatus.SUCCEEDED);
      if (earlier.isPresent()) {
        run.duplicateOf(earlier.get(), clock.instant());
        return runs.save(run);
      }
      GlpiCsvParser.Result parsed;
      try {
        parsed =
            GlpiCsvParser.parse(
                bytes,
                LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris"))),
                n -> update(id, p -> p.read(n)));
      } catch (InvalidInputException e) {
        run.rejected(0, e.inputErrors(), clock.instant());
        return runs.save(run);
      }
      run.format(parsed.format().encoding(), parsed.format().delimiter());
      update(id, p -> p.read(parsed.dataRows()).with(p.status(), "Comparaison avec l'inventaire"));
      List<InputError> errors = new ArrayList<>(parsed.errors());
      Map<String, ImportWriter.Existing> existing =
          writer.existing(parsed.rows().stream().map(ImportedAsset::inventoryNumber).toList());
      List<ImportedAsset> created = new ArrayList<>();
      List<ImportedAsset> changed = new ArrayList<>();
      int unchanged = 0;
      for (ImportedAsset row : parsed.rows()) {
        ImportWriter.Existing e = existing.get(row.inventoryNumber().toLowerCase(Locale.ROOT));
        if (e == null) {
          created.add(row);
        } else if (conflicts(e.serialNumber(), row.description().serialNumber())) {
          errors.add(
              InputError.atLine(
                  row.line(),
                  GlpiColumn.INVENTORY_NUMBER.header(),
                  row.inventoryNumber(),
                  "Ce numéro d'inventaire est déjà attribué dans Seconde Vie à l'équipement de"
                      + " numéro de série « %s », pas « %s »"
                          .formatted(e.serialNumber(), row.description().serialNumber())));
        } else if (row.fingerprint().equals(e.fingerprint())) {
          unchanged++;
        } else {
          changed.add(row);
        }
      }
      if (!errors.isEmpty()) {
        errors.sort(
            java.util.Comparator.comparing(
                InputError::line,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        run.rejected(parsed.dataRows(), errors, clock.instant());
        return runs.save(run);
      }
      int unchangedRows = unchanged;
      update(
          id,
          p ->
              p.toWrite(created.size() + changed.size())
                  .with(p.status(), "Écriture dans l'inventaire"));
      ImportRun running = run;
      ImportRun done =
          transaction.execute(
              status -> {
                var now = clock.instant();
                writer.insert(
                    created,
                    id,
                    actor,
                    running.getFileSha256(),
                    now,
                    n -> update(id, p -> p.written(n)));
                writer.update(
                    changed,
                    id,
                    actor,
                    running.getFileSha256(),
                    now,
                    n -> update(id, p -> p.written(n)));
                running.succeeded(
                    parsed.dataRows(),
                    created.size(),
                    changed.size(),
                    unchangedRows,
                    clock.instant());
                return runs.save(running);
              });
      LOG.info(
          "GLPI import {} ({} rows): {} created, {} updated, {} unchanged in {} ms",
          id,
          parsed.dataRows(),
          created.size(),
          changed.size(),
          unchangedRows,
          (System.nanoTime() - started) / 1_000_000);
      return done;
    } catch (RuntimeException e) {
      LOG.error("GLPI import {} failed; nothing was written", id, e);
      ImportRun failed = runs.findById(id).orElse(run);
      failed.failed(e.getClass().getSimpleName() + " : " + e.getMessage(), clock.instant());
      return runs.save(failed);
    } finally {
      progress.remove(id);
    }
  }

  private static boolean conflicts(String existingSerial, String importedSerial) {
    return existingSerial != null
        && importedSerial != null
        && !existingSerial.equalsIgnoreCase(importedSerial);
  }

  private void update(long id, java.util.function.UnaryOperator<ImportProgress> change) {
    progress.computeIfPresent(id, (k, p) -> change.apply(p));
  }

  private static int estimateRows(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return Math.max(0, lines - 1);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
