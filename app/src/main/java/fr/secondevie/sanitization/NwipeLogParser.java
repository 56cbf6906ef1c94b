package fr.secondevie.sanitization;

import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the log of nwipe (ShredOS, Parted Magic) — the summary tables nwipe writes at the end of a
 * run (function {@code nwipe_log_summary} of nwipe's {@code src/logging.c}):
 *
 * <pre>
 * ******************************** Error Summary *********************************
 * !   Device | Pass Errors | Verifications Errors | Fdatasync I\O Errors
 * --------------------------------------------------------------------------------
 *         sda |           0 |                    0 |                    0
 * ********************************************************************************
 *
 * ********************************* Drive Status *********************************
 * !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
 * --------------------------------------------------------------------------------
 *         sda | Erased | 186 MB/s | 01:48:23 | ST1000DM010-2EP1/Z9A5V5ZQ
 * !       sdb |-FAILED-| 120 MB/s | 01:22:01 | WDC WD10EZEX-08W/WD-WCC6Y3TN1234
 * --------------------------------------------------------------------------------
 * [2026/03/12 11:02:25] Total Throughput 306 MB/s, Sanitize Overwrite (ATA/SCSI/NVMe), 1R+B+VL
 * ********************************************************************************
 * </pre>
 *
 * A row is {@code "%s %s |%s| %s/s | %02i:%02i:%02i | %s/%s"}: error flag, device, status (8
 * characters: {@code Erased }, {@code -FAILED-}, {@code UABORTED}, {@code INSANITY}), throughput,
 * duration, model (17 characters at most) and serial number. The closing line gives the local time,
 * the method label ({@code nwipe_method_label}), the rounds, blanking ({@code B}/{@code NB}) and
 * verification ({@code NV} none, {@code VL} last pass, {@code VA} all passes). The last run of the
 * log counts. The version comes from a banner line {@code nwipe 0.38} when the log has one.
 */
final class NwipeLogParser {

  static final String TOOL = "nwipe";

  private static final Pattern ROW =
      Pattern.compile(
          "^([! ])\\s*(\\S+)\\s*\\|(.{8})\\|\\s*(.*?)\\s*\\|\\s*(\\d{2,}:\\d{2}:\\d{2})\\s*\\|\\s*(.*)$");
  private static final Pattern ERROR_ROW =
      Pattern.compile("^([! ])\\s*(\\S+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*$");
  private static final Pattern TOTAL =
      Pattern.compile(
          "^\\[(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2})\\] Total Throughput (.*?), (.+), (\\d+)R\\+(B|NB)\\+(NV|VL|VA)\\s*$");
  private static final Pattern VERSION = Pattern.compile("\\bnwipe (\\d+\\.\\d+(?:\\.\\d+)?)\\b");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

  /** Method labels of nwipe and what they are in NIST SP 800-88 terms. */
  static final Map<String, MethodMapping> METHODS = new HashMap<>();

  record MethodMapping(SanitizationLevel methodType, SanitizationMethod method, String note) {}

  static {
    for (String overwrite :
        List.of(
            "Fill With Zeros",
            "Fill With Ones",
            "Quick Erase",
            "PRNG Stream",
            "DoD Short",
            "DoD 5220.22-M",
            "DoD 5220.22M",
            "Gutmann Wipe",
            "RCMP TSSIT OPS-II",
            "HMG IS5 Enhanced",
            "Bruce Schneier 7-Pass",
            "BMB21-2019")) {
      METHODS.put(
          overwrite,
          new MethodMapping(
              SanitizationLevel.CLEAR,
              SanitizationMethod.OVERWRITE,
              "écrasement logiciel des zones adressables"));
    }
    for (String secureErase : List.of("Secure Erase (ATA/NVMe)", "Secure Erase + PRNG + Verify")) {
      METHODS.put(
          secureErase,
          new MethodMapping(
              SanitizationLevel.CLEAR,
              SanitizationMethod.OTHER,
              "ATA SECURITY ERASE UNIT / NVMe Format, retenu comme Clear"));
    }
    METHODS.put(
        "Sanitize Crypto Erase (ATA/SCSI/NVMe)",
        new MethodMapping(
            SanitizationLevel.PURGE, SanitizationMethod.CRYPTO_ERASE, "commande SANITIZE CRYPTO"));
    METHODS.put(
        "Sanitize Block Erase (ATA/SCSI/NVMe)",
        new MethodMapping(
            SanitizationLevel.PURGE,
            SanitizationMethod.BLOCK_ERASE,
            "commande SANITIZE BLOCK ERASE"));
    METHODS.put(
        "Sanitize Overwrite (ATA/SCSI/NVMe)",
        new MethodMapping(
            SanitizationLevel.PURGE,
            SanitizationMethod.SANITIZE_COMMAND,
            "commande SANITIZE OVERWRITE"));
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

  /** What the log says about its last run. */
  record NwipeRun(
      String version,
      LocalDateTime finishedAt,
      int finishedAtLine,
      String methodLabel,
      int rounds,
      boolean blanked,
      String verificationCode,
      List<DriveRow> drives,
      Map<String, long[]> errorsByDevice) {}

  private NwipeLogParser() {}

  /** Parses the log; problems go to {@code errors} with their line. Null when unusable. */
  static NwipeRun parse(String log, List<IntakeError> errors) {
    String[] lines = log.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int statusTitle = -1;
    String version = null;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("Drive Status") && lines[i].startsWith("*")) {
        statusTitle = i;
      }
      if (version == null) {
        Matcher v = VERSION.matcher(lines[i]);
        if (v.find()) {
          version = v.group(1);
        }
      }
    }
    if (statusTitle < 0) {
      errors.add(
          IntakeError.line(
              lines.length,
              null,
              "Tableau « Drive Status » introuvable : ce n'est pas un journal nwipe complet (le"
                  + " tableau est écrit à la fin de l'effacement)."));
      return null;
    }
    Map<String, long[]> errorCounts = errorSummary(lines, statusTitle);
    int i = statusTitle + 1;
    if (i >= lines.length
        || !lines[i].strip().startsWith("!   Device | Status")
            && !lines[i].replace(" ", "").startsWith("!Device|Status")) {
      errors.add(
          IntakeError.line(
              i + 1,
              i < lines.length ? lines[i] : null,
              "En-tête « !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number » attendu."));
      return null;
    }
    i++;
    if (i < lines.length && lines[i].startsWith("---")) {
      i++;
    }
    List<DriveRow> rows = new ArrayList<>();
    while (i < lines.length && !lines[i].startsWith("---") && !lines[i].startsWith("***")) {
      String line = lines[i];
      if (!line.isBlank()) {
        DriveRow row = row(line, i + 1, errors);
        if (row != null) {
          rows.add(row);
        }
      }
      i++;
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(
          IntakeError.line(i + 1, null, "Le tableau « Drive Status » ne cite aucun support."));
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
    if (!METHODS.containsKey(method)) {
      if (method.startsWith("Verify")) {
        errors.add(
            IntakeError.line(
                i + 1,
                method,
                "Cette exécution n'a fait que vérifier (« %s ») : ce n'est pas un effacement. Envoyez le journal de l'effacement."
                    .formatted(method)));
      } else {
        errors.add(
            IntakeError.line(
                i + 1,
                method,
                "Méthode nwipe inconnue (méthodes connues : %s)."
                    .formatted(String.join(", ", METHODS.keySet().stream().sorted().toList()))));
      }
    }
    return new NwipeRun(
        version,
        finishedAt,
        i + 1,
        method,
        Integer.parseInt(total.group(4)),
        "B".equals(total.group(5)),
        total.group(6),
        rows,
        errorCounts);
  }

  private static DriveRow row(String line, int number, List<IntakeError> errors) {
    Matcher m = ROW.matcher(line);
    if (!m.matches()) {
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
    String modelAndSerial = m.group(6).strip();
    int slash = modelAndSerial.lastIndexOf('/');
    String serial = slash < 0 ? "" : modelAndSerial.substring(slash + 1).strip();
    String model = slash < 0 ? modelAndSerial : modelAndSerial.substring(0, slash).strip();
    if (serial.isEmpty()) {
      errors.add(
          IntakeError.line(
              number,
              modelAndSerial,
              "Pas de numéro de série pour %s : le support ne peut pas être rattaché au plan."
                  .formatted(m.group(2))));
      return null;
    }
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
