package fr.secondevie.recycling;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of a waste tracking slip (bordereau de suivi des déchets) as Trackdéchets issues it:
 * {@code <type>-<YYYYMMDD>-<9 characters>}, where the type is BSD (hazardous waste, CERFA 12571,
 * the one used for DEEE), BSDA (asbestos), DASRI (infectious healthcare waste), FF (refrigerant
 * fluids) or VHU (end-of-life vehicles), and the date that of the slip's creation
 * (developers.trackdechets.beta.gouv.fr, "Identifiants"). Trackdéchets is mandatory for hazardous
 * waste since 1 January 2022, so paper numbers are not accepted.
 */
record WasteTrackingNumber(String value, String type, LocalDate createdOn) {

  static final String FORMAT = "BSD-AAAAMMJJ-XXXXXXXXX";
  private static final Pattern PATTERN =
      Pattern.compile("(BSD|BSDA|DASRI|FF|VHU)-(\\d{8})-([A-Z0-9]{9})");
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final LocalDate TRACKDECHETS_START = LocalDate.of(2020, 1, 1);

  /**
   * Reads a number typed by a person (spaces trimmed, letters upper-cased).
   *
   * @param latest the slip cannot have been created after this date (the pickup)
   * @return the number, or empty with {@code error} holding why it is refused
   */
  static Optional<WasteTrackingNumber> parse(String text, LocalDate latest, StringBuilder error) {
    if (text == null || text.isBlank()) {
      error.append("Indiquez le numéro du bordereau de suivi des déchets.");
      return Optional.empty();
    }
    String value = text.strip().toUpperCase(Locale.ROOT);
    Matcher m = PATTERN.matcher(value);
    if (!m.matches()) {
      error.append(
          "« "
              + text.strip()
              + " » n'est pas un numéro de bordereau Trackdéchets (format "
              + FORMAT
              + ", ex. BSD-20250312-A1B2C3D4E).");
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(m.group(2), BASIC);
    } catch (DateTimeParseException e) {
      error.append("La date du bordereau « " + m.group(2) + " » n'existe pas.");
      return Optional.empty();
    }
    if (date.isBefore(TRACKDECHETS_START) || (latest != null && date.isAfter(latest))) {
      error.append(
          "La date du bordereau ("
              + date
              + ") doit précéder l'enlèvement"
              + (latest == null ? "" : " du " + latest)
              + ".");
      return Optional.empty();
    }
    return Optional.of(new WasteTrackingNumber(value, m.group(1), date));
  }
}
