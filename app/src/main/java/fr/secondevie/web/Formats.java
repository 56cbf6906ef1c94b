package fr.secondevie.web;

import fr.secondevie.common.PersonName;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Display formats for templates ({@code ${@fmt.euros(cents)}}): French conventions, Europe/Paris
 * time. Values are stored as euro cents and UTC instants.
 */
@Component("fmt")
class Formats {

  /** The time zone of the hospital, for display only. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final Locale FRENCH = Locale.FRANCE;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", FRENCH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", FRENCH);

  /** 123456 → "1 234,56 €"; null → "—". */
  public String euros(Long cents) {
    return fr.secondevie.common.FrenchFormats.euros(cents);
  }

  /** The name people read for the signed-in user ({@link PersonName}). */
  public String person(Authentication authentication) {
    return authentication == null ? "—" : PersonName.of(authentication);
  }

  public String date(LocalDate date) {
    return date == null ? "—" : DATE.format(date);
  }

  /** An instant as Paris local time. */
  public String dateTime(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant.atZone(PARIS));
  }

  /** An instant as Paris local time in words: "12/03/2026 à 14:05". */
  public String moment(Instant instant) {
    return instant == null ? "—" : MOMENT.format(instant.atZone(PARIS));
  }

  /** An instant as ISO-8601 in UTC, for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  public String text(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  /** 512110190592 → "512 Go". */
  public String bytes(Long bytes) {
    if (bytes == null) {
      return "—";
    }
    String[] units = {"o", "Ko", "Mo", "Go", "To", "Po"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return NumberFormat.getIntegerInstance(FRENCH).format(Math.round(value)) + " " + units[unit];
  }
}
