package fr.secondevie.inventory.glpi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Live progress of an import run, for the progress bar.
 *
 * @param phase what is happening now, in French
 * @param rowsRead data rows read and checked so far
 * @param rowsEstimated data rows the file holds (estimated from its line count until read)
 * @param rowsWritten rows written so far
 * @param rowsToWrite rows that will be written (new or changed), once known
 */
public record ImportProgress(
    long runId,
    ImportStatus status,
    String phase,
    int rowsRead,
    int rowsEstimated,
    int rowsWritten,
    int rowsToWrite) {

  /** 0–100: reading counts for the first half, writing for the second. */
  @JsonProperty("percent")
  public int percent() {
    if (status.finished()) {
      return 100;
    }
    double read = rowsEstimated == 0 ? 0 : Math.min(1.0, (double) rowsRead / rowsEstimated);
    double write = rowsToWrite == 0 ? 0 : Math.min(1.0, (double) rowsWritten / rowsToWrite);
    return (int) Math.floor(read * 50 + write * 50);
  }

  ImportProgress with(ImportStatus status, String phase) {
    return new ImportProgress(
        runId, status, phase, rowsRead, rowsEstimated, rowsWritten, rowsToWrite);
  }

  ImportProgress read(int rows) {
    return new ImportProgress(
        runId, status, phase, rows, Math.max(rowsEstimated, rows), rowsWritten, rowsToWrite);
  }

  ImportProgress toWrite(int rows) {
    return new ImportProgress(runId, status, phase, rowsRead, rowsRead, 0, rows);
  }

  ImportProgress written(int rows) {
    return new ImportProgress(
        runId, status, phase, rowsRead, rowsEstimated, rowsWritten + rows, rowsToWrite);
  }
}
