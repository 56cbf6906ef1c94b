package fr.secondevie.sanitization;

import fr.secondevie.common.InputError;
import fr.secondevie.sanitization.NwipeMethods.MethodMapping;
import fr.secondevie.sanitization.NwipeSummaryTables.DriveRow;
import fr.secondevie.sanitization.NwipeSummaryTables.DriveTable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the log of nwipe (ShredOS, Parted Magic): the summary tables nwipe writes at the end of a
 * run (function {@code nwipe_log_summary} of nwipe's {@code src/logging.c}, releases 0.30 to 0.42;
 * 0.28 writes no summary table and its logs are refused). As written by 0.38 ({@code src/logging.c}
 * at tag {@code v0.38} of github.com/martijnvanbrummelen/nwipe):
 *
 * <pre>
 * ******************************** Error Summary *********************************
 * !   Device | Pass Errors | Verifications Errors | Fdatasync I\O Errors
 * --------------------------------------------------------------------------------
 *          sda |           0 |                    0 |                    0
 * ********************************************************************************
 *
 * ********************************* Drive Status *********************************
 * !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
 * --------------------------------------------------------------------------------
 *          sda | Erased |  153 MB/s | 01:48:14 | ST1000DM010-2EP10/Z9A5V5ZQ
 * !        sdb |-FAILED-|  120 MB/s | 01:22:01 | WDC WD10EZEX-08WN/WD-WCC6Y3TN1234
 * --------------------------------------------------------------------------------
 * [2026/03/12 11:02:25] Total Throughput  273 MB/s, PRNG Stream, 1R+B+VL
 * ********************************************************************************
 * </pre>
 *
 * A row is {@code "%s %s |%s| %s/s | %02i:%02i:%02i | %s/%s"}: error flag, device (the name without
 * {@code /dev/}, right-aligned on 8 characters; 6 before 0.33), status (8 characters: {@code "
 * Erased "}, {@code -FAILED-}, {@code UABORTED}, {@code INSANITY}), throughput ({@code "%4llu
 * MB"}), duration, model (17 characters at most) and serial number (20 at most, empty when the
 * device gave none — a USB stick, a loop device — and {@code XXXXXXXXXXXXXXXXXXXX} or {@code
 * ????????????????????} when nwipe ran with {@code -q}, anonymised). The closing line gives the
 * local time, the method label ({@code nwipe_method_label}), the rounds, blanking ({@code B}/{@code
 * NB}) and verification ({@code NV} none, {@code VL} last pass, {@code VA} all passes).
 *
 * <p>Differences between releases that the parser accepts: 0.30 has no Error Summary table and no «
 * Drive Status » title (a line of stars); 0.30 to 0.32 write the header {@code "! Device | Status"}
 * with one space; 0.42 adds an « Erasure Summary » table between the two. The last run of the log
 * counts. The version comes from the banner nwipe logs at start ({@code "nwipe 0.38"}, {@code
 * src/version.c}).
 *
 * <p>A drive without a usable serial number cannot be tied to an inventoried medium: it is left out
 * of the report with a warning, and the other drives of the log are processed.
 *
 * <p>This class finds the last run and reads its closing line; the tables are read by {@link
 * NwipeSummaryTables}, the method labels known by {@link NwipeMethods}, and the run mapped to a
 * report by {@link NwipeReportMapping}.
 */
final class NwipeLogParser {

  static final String TOOL = "nwipe";

  private static final Pattern TOTAL =
      Pattern.compile(
          "^\\[(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2})\\] Total Throughput (.*?), (.+), (\\d+)R\\+(B|NB)\\+(NV|VL|VA)\\s*$");
  private static final Pattern VERSION = Pattern.compile("\\bnwipe (\\d+\\.\\d+(?:\\.\\d+)?)\\b");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

  /**
   * What the log says about its last run.
   *
   * @param drives the rows with a serial number
   * @param warnings the rows left out (no usable serial number), with their line
   */
  record NwipeRun(
      String version,
      LocalDateTime finishedAt,
      int finishedAtLine,
      String methodLabel,
      int rounds,
      boolean blanked,
      String verificationCode,
      List<DriveRow> drives,
      Map<String, long[]> errorsByDevice,
      List<InputError> warnings) {}

  private NwipeLogParser() {}

  /** Parses the log; problems go to {@code errors} with their line. Null when unusable. */
  static NwipeRun parse(String log, List<InputError> errors) {
    String[] lines = log.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int header = -1;
    String version = null;
    for (int i = 0; i < lines.length; i++) {
      if (NwipeSummaryTables.isDriveStatusHeader(lines[i])) {
        header = i;
      }
      if (version == null) {
        Matcher v = VERSION.matcher(lines[i]);
        if (v.find()) {
          version = v.group(1);
        }
      }
    }
    if (header < 0) {
      errors.add(
          InputError.line(
              lines.length,
              null,
              "Tableau « Drive Status » (en-tête « !   Device | Status | Thru-put | HH:MM:SS |"
                  + " Model/Serial Number ») introuvable : ce n'est pas un journal nwipe complet (le"
                  + " tableau est écrit à la fin de l'effacement, par nwipe 0.30 et suivants)."));
      return null;
    }
    Map<String, long[]> errorCounts = NwipeSummaryTables.errorSummary(lines, header);
    DriveTable table = NwipeSummaryTables.driveStatus(lines, header, errors);
    List<DriveRow> rows = table.drives();
    List<InputError> warnings = table.warnings();
    int i = table.end();
    if (rows.isEmpty() && !table.unreadable()) {
      errors.add(
          InputError.line(
              i + 1,
              null,
              warnings.isEmpty()
                  ? "Le tableau « Drive Status » ne cite aucun support."
                  : "Aucun support du tableau « Drive Status » n'a de numéro de série : aucun ne"
                      + " peut être rattaché à l'équipement."));
    }
    if (i < lines.length && lines[i].startsWith("---")) {
      i++;
    }
    if (i >= lines.length) {
      errors.add(
          InputError.line(
              i, null, "Ligne « [date] Total Throughput …, méthode, rondes+B+V » manquante."));
      return null;
    }
    Matcher total = TOTAL.matcher(lines[i].strip());
    if (!total.matches()) {
      errors.add(
          InputError.line(
              i + 1,
              lines[i],
              "Ligne « [AAAA/MM/JJ hh:mm:ss] Total Throughput …, méthode, 1R+B+VL » attendue."));
      return null;
    }
    LocalDateTime finishedAt;
    try {
      finishedAt = LocalDateTime.parse(total.group(1), STAMP);
    } catch (DateTimeParseException e) {
      errors.add(InputError.line(i + 1, total.group(1), "Date illisible."));
      return null;
    }
    String method = total.group(3).strip();
    // the label is written as is: "Verify Ones  (0xFF)" has two spaces
    String label = total.group(3);
    if (!NwipeMethods.METHODS.containsKey(label) && NwipeMethods.VERIFY_ONLY.containsKey(label)) {
      errors.add(
          InputError.line(
              i + 1,
              label,
              "Cette exécution n'a fait que vérifier (« %s ») : ce n'est pas un effacement. Envoyez le journal de l'effacement."
                  .formatted(label)));
    } else if (!NwipeMethods.METHODS.containsKey(label)) {
      errors.add(
          InputError.line(
              i + 1,
              method,
              "Méthode nwipe inconnue : aucune version de nwipe n'écrit ce libellé (libellés"
                  + " d'effacement : %s)."
                      .formatted(String.join(", ", NwipeMethods.METHODS.keySet()))));
    }
    return new NwipeRun(
        version,
        finishedAt,
        i + 1,
        label,
        Integer.parseInt(total.group(4)),
        "B".equals(total.group(5)),
        total.group(6),
        rows,
        errorCounts,
        List.copyOf(warnings));
  }

  /**
   * Refuses a method label that the given nwipe release does not write (e.g. « Zero Fill » in a log
   * of 0.38, « BMB21-2019 » in a log of 0.38): the log was not written by that release.
   */
  static void checkLabelForVersion(NwipeRun run, String version, List<InputError> errors) {
    MethodMapping mapping = NwipeMethods.METHODS.get(run.methodLabel());
    if (mapping == null || version == null || NwipeMethods.minor(version) == null) {
      return;
    }
    if (!mapping.releases().include(version)) {
      errors.add(
          InputError.line(
              run.finishedAtLine(),
              run.methodLabel(),
              "nwipe %s n'écrit pas le libellé « %s » (écrit par nwipe %s) : la version ou le journal ne correspond pas."
                  .formatted(version, run.methodLabel(), mapping.releases().describe())));
    }
  }

  /** The run as a wipe report; the time is the wiping station's (taken as Paris time). */
  static WipeReportContent toReport(
      NwipeRun run, String toolVersion, String operator, ZoneId stationZone) {
    return NwipeReportMapping.toReport(run, toolVersion, operator, stationZone);
  }
}
