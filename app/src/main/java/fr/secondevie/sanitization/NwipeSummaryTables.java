package fr.secondevie.sanitization;

import fr.secondevie.common.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary tables at the end of an nwipe run, read by their exact labels: the « Drive Status »
 * table (one row per drive, a drive without a usable serial number left out with a warning) and the
 * « Error Summary » table before it (error counts per device, from 0.33 on).
 */
final class NwipeSummaryTables {

  private static final Pattern HEADER =
      Pattern.compile(
          "^!\\s+Device \\| Status \\| Thru-put \\| HH:MM:SS \\| Model/Serial Number\\s*$");
  private static final Pattern ROW =
      Pattern.compile(
          "^([! ])\\s*(\\S+)\\s*\\|(.{8})\\|\\s*(.*?)\\s*\\|\\s*(\\d{2,}:\\d{2}:\\d{2})\\s*\\|\\s?(.*)$");
  private static final Pattern ERROR_ROW =
      Pattern.compile("^([! ])\\s*(\\S+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*$");
  private static final Pattern ANONYMISED = Pattern.compile("X+|\\?+");

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
   * The rows of a Drive Status table.
   *
   * @param drives the rows with a serial number
   * @param warnings the rows left out (no usable serial number), with their line
   * @param unreadable whether a row could not be read (its error is already told)
   * @param end the index of the line that ends the table (a line of dashes or stars), or the number
   *     of lines when the log ends first
   */
  record DriveTable(
      List<DriveRow> drives, List<InputError> warnings, boolean unreadable, int end) {}

  private NwipeSummaryTables() {}

  /** Whether the line (stripped) is the header of the Drive Status table. */
  static boolean isDriveStatusHeader(String line) {
    return HEADER.matcher(line.strip()).matches();
  }

  /** The rows of the Drive Status table whose header is at {@code header}. */
  static DriveTable driveStatus(String[] lines, int header, List<InputError> errors) {
    int i = header + 1;
    if (i < lines.length && lines[i].startsWith("---")) {
      i++;
    }
    List<DriveRow> rows = new ArrayList<>();
    List<InputError> warnings = new ArrayList<>();
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
              InputError.line(
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
    return new DriveTable(rows, warnings, unreadable, i);
  }

  private static boolean usableSerial(String serial) {
    return !serial.isEmpty() && !ANONYMISED.matcher(serial).matches();
  }

  private static DriveRow row(String line, int number, List<InputError> errors) {
    Matcher m = ROW.matcher(line);
    if (!m.matches() || m.group(6).indexOf('/') < 0) {
      errors.add(
          InputError.line(
              number,
              line,
              "Ligne du tableau « Drive Status » illisible (attendu : périphérique | statut | débit | durée | modèle/numéro de série)."));
      return null;
    }
    String status = m.group(3).strip();
    if (!List.of("Erased", "-FAILED-", "UABORTED", "INSANITY").contains(status)) {
      errors.add(
          InputError.line(
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

  /**
   * The error counts (pass, verification, fdatasync) per device of the last Error Summary table
   * before the line {@code before}; empty when there is none (0.30).
   */
  static Map<String, long[]> errorSummary(String[] lines, int before) {
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
}
