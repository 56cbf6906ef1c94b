package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One upload of a GLPI CSV file and its outcome. All or nothing: a run either writes every row
 * (SUCCEEDED) or none (REJECTED, DUPLICATE, FAILED).
 */
@Table("import_run")
public class ImportRun {

  /** Errors kept per run; the count covers them all. */
  static final int MAX_STORED_ERRORS = 1000;

  @Id private Long id;
  private String fileName;

  @Column("file_sha256")
  private String fileSha256;

  private long fileSize;
  private String encoding;
  private String delimiterChar;
  private ImportStatus status;
  private int totalRows;
  private int createdCount;
  private int updatedCount;
  private int unchangedCount;
  private int errorCount;
  private Long sameAsRunId;
  private String failure;
  private String startedBy;
  private Instant startedAt;
  private Instant finishedAt;
  private String ownerReplica;
  private Instant heartbeatAt;

  @MappedCollection(idColumn = "import_run_id", keyColumn = "position")
  private List<ImportRowError> errors = new ArrayList<>();

  protected ImportRun() {}

  /** A run owned by {@code replica}, which beats while it runs (see {@link ImportRunOwnership}). */
  static ImportRun start(
      String fileName, String sha256, long size, String by, Instant now, String replica) {
    ImportRun run = new ImportRun();
    run.ownerReplica = replica;
    run.heartbeatAt = now;
    run.fileName = fileName;
    run.fileSha256 = sha256;
    run.fileSize = size;
    run.startedBy = by;
    run.startedAt = now;
    run.status = ImportStatus.PENDING;
    return run;
  }

  public String getOwnerReplica() {
    return ownerReplica;
  }

  void running() {
    status = ImportStatus.RUNNING;
  }

  void format(String encoding, char delimiter) {
    this.encoding = encoding;
    this.delimiterChar = String.valueOf(delimiter);
  }

  void rejected(int totalRows, List<InputError> all, Instant now) {
    this.totalRows = totalRows;
    this.errorCount = all.size();
    this.errors =
        new ArrayList<>(all.stream().limit(MAX_STORED_ERRORS).map(ImportRowError::of).toList());
    finish(ImportStatus.REJECTED, now);
  }

  void duplicateOf(ImportRun earlier, Instant now) {
    sameAsRunId = earlier.id;
    totalRows = earlier.totalRows;
    unchangedCount = earlier.totalRows;
    encoding = earlier.encoding;
    delimiterChar = earlier.delimiterChar;
    finish(ImportStatus.DUPLICATE, now);
  }

  void succeeded(int totalRows, int created, int updated, int unchanged, Instant now) {
    this.totalRows = totalRows;
    this.createdCount = created;
    this.updatedCount = updated;
    this.unchangedCount = unchanged;
    finish(ImportStatus.SUCCEEDED, now);
  }

  void failed(String failure, Instant now) {
    this.failure = failure == null ? "?" : failure.substring(0, Math.min(failure.length(), 2000));
    finish(ImportStatus.FAILED, now);
  }

  private void finish(ImportStatus status, Instant now) {
    this.status = status;
    this.finishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getFileName() {
    return fileName;
  }

  public String getFileSha256() {
    return fileSha256;
  }

  public long getFileSize() {
    return fileSize;
  }

  public String getEncoding() {
    return encoding;
  }

  public String getDelimiter() {
    return delimiterChar;
  }

  public ImportStatus getStatus() {
    return status;
  }

  public int getTotalRows() {
    return totalRows;
  }

  public int getCreatedCount() {
    return createdCount;
  }

  public int getUpdatedCount() {
    return updatedCount;
  }

  public int getUnchangedCount() {
    return unchangedCount;
  }

  public int getErrorCount() {
    return errorCount;
  }

  public Long getSameAsRunId() {
    return sameAsRunId;
  }

  public String getFailure() {
    return failure;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  /** The first {@value #MAX_STORED_ERRORS} errors, in file order. */
  public List<ImportRowError> getErrors() {
    return Collections.unmodifiableList(errors);
  }
}
