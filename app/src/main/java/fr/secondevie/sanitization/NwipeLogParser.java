package fr.secondevie.sanitization;

import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 */
final class NwipeLogParser {

  static final String TOOL = "nwipe";

  private static final Pattern HEADER =
      Pattern.compile(
          "^!\\s+Device \\| Status \\| Thru-put \\| HH:MM:SS \\| Model/Serial Number\\s*$");
  private static final Pattern ROW =
      Pattern.compile(
          "^([! ])\\s*(\\S+)\\s*\\|(.{8})\\|\\s*(.*?)\\s*\\|\\s*(\\d{2,}:\\d{2}:\\d{2})\\s*\\|\\s?(.*)$");
  private static final Pattern ERROR_ROW =
      Pattern.compile("^([! ])\\s*(\\S+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*$");
  private static final Pattern TOTAL =
      Pattern.compile(
          "^\\[(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2})\\] Total Throughput (.*?), (.+), (\\d+)R\\+(B|NB)\\+(NV|VL|VA)\\s*$");
  private static final Pattern VERSION = Pattern.compile("\\bnwipe (\\d+\\.\\d+(?:\\.\\d+)?)\\b");
  private static final Pattern ANONYMISED = Pattern.compile("X+|\\?+");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

  /**
   * The method labels nwipe writes ({@code nwipe_method_label}, {@code src/method.c}), each with
   * the releases that write it. Every one is a software overwrite of the addressable sectors: at
   * most Clear on any medium ({@link MediaPolicy#maxLevel}), whatever its number of passes. The
   * labels of the verification-only methods are {@link #VERIFY_ONLY}.
   */
  static final Map<String, MethodMapping> METHODS = new LinkedHashMap<>();

  /** Labels of nwipe's verification-only methods: a run with one of them erased nothing. */
  static final Map<String, Releases> VERIFY_ONLY = new LinkedHashMap<>();

  /** The first and last nwipe release (minor versions, 0.x) writing a label; 0 = still written. */
  record Releases(int from, int to) {

    boolean include(String version) {
      Integer minor = minor(version);
      return minor == null || minor >= from && (to == 0 || minor <= to);
    }

    String describe() {
      return to == 0 ? "à partir de 0.%d".formatted(from) : "de 0.%d à 0.%d".formatted(from, to);
    }
  }

  record MethodMapping(
      SanitizationLevel methodType, SanitizationMethod method, String note, Releases releases) {}

  private static final int FIRST = 28;

  static {
    overwrite("DoD 5220.22-M", "7 passes (DoD 5220.22-M)", FIRST, 0);
    overwrite("DoD Short", "3 passes (DoD 5220.22-M, passes 1, 2 et 7)", FIRST, 0);
    overwrite("Gutmann Wipe", "35 passes (Gutmann)", FIRST, 0);
    overwrite("RCMP TSSIT OPS-II", "8 passes (RCMP TSSIT OPS-II)", FIRST, 0);
    overwrite("PRNG Stream", "flux pseudo-aléatoire", FIRST, 0);
    overwrite("Zero Fill", "remplissage de zéros", FIRST, 31);
    overwrite("Fill With Zeros", "remplissage de zéros", 32, 0);
    overwrite("Fill With Ones", "remplissage de uns (0xFF)", 32, 0);
    overwrite("HMG IS5 Enhanced", "3 passes (HMG IS5 renforcé)", FIRST, 0);
    overwrite("Bruce Schneier 7-Pass", "7 passes (Schneier)", 39, 0);
    overwrite("BMB21-2019", "6 passes (BMB21-2019)", 40, 0);
    VERIFY_ONLY.put("Verify Blank", new Releases(FIRST, 31));
    VERIFY_ONLY.put("Verify Zeros (0x00)", new Releases(32, 0));
    VERIFY_ONLY.put("Verify Ones  (0xFF)", new Releases(32, 0));
  }

  private static void overwrite(String label, String passes, int from, int to) {
    METHODS.put(
        label,
        new MethodMapping(
            SanitizationLevel.CLEAR,
            SanitizationMethod.OVERWRITE,
            "écrasement logiciel, %s : Clear au plus (n'atteint ni les secteurs réalloués ni les blocs de réserve d'une mémoire flash)"
                .formatted(passes),
            new Releases(from, to)));
  }

  static Integer minor(String version) {
    if (version == null) {
      return null;
    }
    Matcher m = Pattern.compile("^v?0\\.(\\d+)").matcher(version.strip());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** One row of the Drive Status table. */
  record DriveRow(
      int line,
      String device,
      String status,
      String throughput,
      String duration,
      String model,
      String serialNumber) {}

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
      List<IntakeError> warnings) {}

  private NwipeLogParser() {}

  /** Parses the log; problems go to {@code errors} with their line. Null when unusable. */
  static NwipeRun parse(String log, List<IntakeError> errors) {
    String[] lines = log.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int header = -1;
    String version = null;
    for (int i = 0; i < lines.length; i++) {
      if (HEADER.matcher(lines[i].strip()).matches()) {
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
          IntakeError.line(
              lines.length,
              null,
              "Tableau « Drive Status » (en-tête « !   Device | Status | Thru-put | HH:MM:SS |"
                  + " Model/Serial Number ») introuvable : ce n'est pas un journal nwipe complet (le"
                  + " tableau est écrit à la fin de l'effacement, par nwipe 0.30 et suivants)."));
      return null;
    }
    Map<String, long[]> errorCounts = errorSummary(lines, header);
    int i = header + 1;
    if (i < lines.length && lines[i].startsWith("---")) {
      i++;
    }
    List<DriveRow> rows = new ArrayList<>();
    List<IntakeError> warnings = new ArrayList<>();
    boolean unreadable = false;
    while (i < lines.length && !lines[i].startsWith("---") && !lines[i].startsWith("***")) {
      String line = lines[i];
      if (!line.isBlank()) {
        int before = errors.size();
        DriveRow row = row(line, i + 1, errors);
        unreadable |= errors.size() > before;
        if (row != null && usableSerial(row.serialNumber())) {
          rows.add(row);
        } else if (row != null) {
          warnings.add(
              IntakeError.line(
                  i + 1,
                  row.model() + "/" + row.serialNumber(),
                  (row.serialNumber().isEmpty()
                              ? "/dev/%s (%s) : nwipe n'a pas relevé de numéro de série (clé USB,"
                                  + " périphérique loop…)"
                              : "/dev/%s (%s) : numéro de série anonymisé (nwipe lancé avec -q)")
                          .formatted(
                              row.device(), row.model().isEmpty() ? "modèle inconnu" : row.model())
                      + " ; support non rattaché, absent du rapport."));
        }
      }
      i++;
    }
    if (rows.isEmpty() && !unreadable) {
      errors.add(
          IntakeError.line(
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
          IntakeError.line(
              i, null, "Ligne « [date] Total Throughput …, méthode, rondes+B+V » manquante."));
      return null;
    }
    Matcher total = TOTAL.matcher(lines[i].strip());
    if (!total.matches()) {
      errors.add(
          IntakeError.line(
              i + 1,
              lines[i],
              "Ligne « [AAAA/MM/JJ hh:mm:ss] Total Throughput …, méthode, 1R+B+VL » attendue."));
      return null;
    }
    LocalDateTime finishedAt;
    try {
      finishedAt = LocalDateTime.parse(total.group(1), STAMP);
    } catch (DateTimeParseException e) {
      errors.add(IntakeError.line(i + 1, total.group(1), "Date illisible."));
      return null;
    }
    String method = total.group(3).strip();
    // the label is written as is: "Verify Ones  (0xFF)" has two spaces
    String label = total.group(3);
    if (!METHODS.containsKey(label) && VERIFY_ONLY.containsKey(label)) {
      errors.add(
          IntakeError.line(
              i + 1,
              label,
              "Cette exécution n'a fait que vérifier (« %s ») : ce n'est pas un effacement. Envoyez le journal de l'effacement."
                  .formatted(label)));
    } else if (!METHODS.containsKey(label)) {
      errors.add(
          IntakeError.line(
              i + 1,
              method,
              "Méthode nwipe inconnue : aucune version de nwipe n'écrit ce libellé (libellés"
                  + " d'effacement : %s).".formatted(String.join(", ", METHODS.keySet()))));
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
  static void checkLabelForVersion(NwipeRun run, String version, List<IntakeError> errors) {
    MethodMapping mapping = METHODS.get(run.methodLabel());
    if (mapping == null || version == null || minor(version) == null) {
      return;
    }
    if (!mapping.releases().include(version)) {
      errors.add(
          IntakeError.line(
              run.finishedAtLine(),
              run.methodLabel(),
              "nwipe %s n'écrit pas le libellé « %s » (écrit par nwipe %s) : la version ou le journal ne correspond pas."
                  .formatted(version, run.methodLabel(), mapping.releases().describe())));
    }
  }

  private static boolean usableSerial(String serial) {
    return !serial.isEmpty() && !ANONYMISED.matcher(serial).matches();
  }

  private static DriveRow row(String line, int number, List<IntakeError> errors) {
    Matcher m = ROW.matcher(line);
    if (!m.matches() || m.group(6).indexOf('/') < 0) {
      errors.add(
          IntakeError.line(
              number,
              line,
              "Ligne du tableau « Drive Status » illisible (attendu : périphérique | statut | débit | durée | modèle/numéro de série)."));
      return null;
    }
    String status = m.group(3).strip();
    if (!List.of("Erased", "-FAILED-", "UABORTED", "INSANITY").contains(status)) {
      errors.add(
          IntakeError.line(
              number,
              m.group(3),
              "Statut inconnu (attendus : Erased, -FAILED-, UABORTED, INSANITY)."));
      return null;
    }
    String modelAndSerial = m.group(6);
    int slash = modelAndSerial.lastIndexOf('/');
    String serial = modelAndSerial.substring(slash + 1).strip();
    String model = modelAndSerial.substring(0, slash).strip();
    return new DriveRow(number, m.group(2), status, m.group(4).strip(), m.group(5), model, serial);
  }

  private static Map<String, long[]> errorSummary(String[] lines, int before) {
    Map<String, long[]> counts = new HashMap<>();
    int title = -1;
    for (int i = before - 1; i >= 0; i--) {
      if (lines[i].contains("Error Summary") && lines[i].startsWith("*")) {
        title = i;
        break;
      }
    }
    if (title < 0) {
      return counts;
    }
    for (int i = title + 1; i < before && !lines[i].startsWith("***"); i++) {
      Matcher m = ERROR_ROW.matcher(lines[i]);
      if (m.matches()) {
        counts.put(
            m.group(2),
            new long[] {
              Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))
            });
      }
    }
    return counts;
  }

  /** The run as a wipe report; the time is the wiping station's (taken as Paris time). */
  static WipeReportContent toReport(
      NwipeRun run, String toolVersion, String operator, ZoneId stationZone) {
    MethodMapping mapping = METHODS.get(run.methodLabel());
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
        TOOL,
        toolVersion,
        operator,
        null,
        run.finishedAt().atZone(stationZone).toOffsetDateTime().toString(),
        drives);
  }
}
