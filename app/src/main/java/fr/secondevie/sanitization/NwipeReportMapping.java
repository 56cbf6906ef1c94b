package fr.secondevie.sanitization;

import fr.secondevie.sanitization.NwipeLogParser.NwipeRun;
import fr.secondevie.sanitization.NwipeMethods.MethodMapping;
import fr.secondevie.sanitization.NwipeSummaryTables.DriveRow;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The last run of an nwipe log as a wipe report: one drive per row of its Drive Status table, with
 * the method of its label, its verification, its result and a note of what nwipe wrote about it.
 */
final class NwipeReportMapping {

  private NwipeReportMapping() {}

  /** The run as a wipe report; the time is the wiping station's (taken as Paris time). */
  static WipeReportContent toReport(
      NwipeRun run, String toolVersion, String operator, ZoneId stationZone) {
    MethodMapping mapping = NwipeMethods.METHODS.get(run.methodLabel());
    Verification verification =
        switch (run.verificationCode()) {
          case "VL", "VA" -> Verification.FULL;
          default -> Verification.NONE;
        };
    List<ReportedDrive> drives = new ArrayList<>();
    for (DriveRow row : run.drives()) {
      long[] errs = run.errorsByDevice().get(row.device());
      String notes =
          "nwipe %s, /dev/%s, %s, %s, %s (%dR+%s+%s)%s"
              .formatted(
                  run.methodLabel(),
                  row.device(),
                  row.throughput(),
                  row.duration(),
                  mapping == null ? "" : mapping.note(),
                  run.rounds(),
                  run.blanked() ? "B" : "NB",
                  run.verificationCode(),
                  errs == null
                      ? ""
                      : " ; erreurs : passes %d, vérification %d, fdatasync %d"
                          .formatted(errs[0], errs[1], errs[2]));
      drives.add(
          new ReportedDrive(
              row.serialNumber(),
              mapping == null ? null : mapping.methodType(),
              mapping == null ? null : mapping.method(),
              verification,
              "Erased".equals(row.status()) ? DriveResult.PASSED : DriveResult.FAILED,
              notes.length() > 500 ? notes.substring(0, 500) : notes,
              null,
              row.model().isEmpty() ? null : row.model()));
    }
    return new WipeReportContent(
        NwipeLogParser.TOOL,
        toolVersion,
        operator,
        null,
        run.finishedAt().atZone(stationZone).toOffsetDateTime().toString(),
        drives);
  }
}
