package fr.secondevie.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an operating system still receives security updates at a date, from the name GLPI exports
 * (column "Système d'exploitation - Nom", with the version when the export has it). First matching
 * row wins; an unknown system is "unknown" (null), never "supported". The dates are the publishers'
 * end of security support for the editions a hospital runs (docs/routing.md).
 */
final class OsSupportTable {

  /**
   * @param contains lower-case fragments that must all occur in the name
   * @param endOfSupport last day of security updates; null when still supported
   */
  public record Row(List<String> contains, LocalDate endOfSupport, String source) {}

  /** The table, most specific rows first. */
  public static final List<Row> ROWS =
      List.of(
          new Row(
              List.of("windows 10", "ltsc 2019"),
              LocalDate.of(2029, 1, 9),
              "Microsoft Lifecycle, Windows 10 Enterprise LTSC 2019"),
          new Row(
              List.of("windows 10", "ltsc 2021"),
              LocalDate.of(2027, 1, 12),
              "Microsoft Lifecycle, Windows 10 Enterprise LTSC 2021"),
          new Row(
              List.of("windows 10"),
              LocalDate.of(2025, 10, 14),
              "Microsoft Lifecycle, Windows 10 Home/Pro/Enterprise 22H2 (hors ESU payantes)"),
          new Row(List.of("windows 11"), null, "Microsoft Lifecycle, Windows 11 (mises à jour)"),
          new Row(List.of("windows 8.1"), LocalDate.of(2023, 1, 10), "Microsoft Lifecycle"),
          new Row(List.of("windows 8"), LocalDate.of(2016, 1, 12), "Microsoft Lifecycle"),
          new Row(List.of("windows 7"), LocalDate.of(2020, 1, 14), "Microsoft Lifecycle"),
          new Row(List.of("windows xp"), LocalDate.of(2014, 4, 8), "Microsoft Lifecycle"),
          new Row(List.of("ubuntu", "18.04"), LocalDate.of(2023, 5, 31), "Ubuntu release cycle"),
          new Row(List.of("ubuntu", "20.04"), LocalDate.of(2025, 5, 31), "Ubuntu release cycle"),
          new Row(List.of("ubuntu", "22.04"), LocalDate.of(2027, 6, 1), "Ubuntu release cycle"),
          new Row(List.of("ubuntu", "24.04"), LocalDate.of(2029, 5, 31), "Ubuntu release cycle"));

  private OsSupportTable() {}

  /**
   * @param osName the operating system as GLPI names it (and its version, if known)
   * @return true when supported on that date, false when its support ended, null when unknown
   */
  public static Boolean supported(String osName, LocalDate on) {
    if (osName == null || osName.isBlank()) {
      return null;
    }
    String name = osName.toLowerCase(Locale.ROOT);
    Optional<Row> row =
        ROWS.stream().filter(r -> r.contains().stream().allMatch(name::contains)).findFirst();
    return row.map(r -> r.endOfSupport() == null || !on.isAfter(r.endOfSupport())).orElse(null);
  }
}
