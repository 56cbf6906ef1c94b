package fr.secondevie.inventory;

import fr.secondevie.common.FrenchFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * The one place that turns what the chain of custody stores into plain French for people: who did
 * it ({@link #actor}), the codes its details carry (statuses, levels, media types, outcomes),
 * numbers, dates and ages. Entries are sealed as written, so the text of old entries is translated
 * when shown, never rewritten; new entries are written in plain French with the same helpers
 * ({@link #years}, {@link #euros}).
 */
@NamedInterface("api")
public final class CustodyText {

  private CustodyText() {}

  /** Who did the work when the chain names no person (a worker, the process). */
  public static final String SYSTEM = "système";

  private static final Pattern PERSON_VIA_WORKER =
      Pattern.compile("^(.+) \\[([^\\]]+)\\] via worker:(\\S+)$");
  private static final Pattern WORKER = Pattern.compile("^worker:(\\S+)$");

  /** Codes that may appear as whole words in details, and what people read instead. */
  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("PASSED", "conforme"),
          Map.entry("FAILED", "non conforme"),
          Map.entry("MEDIA_DESTROYED", "supports détruits"),
          Map.entry("NO_STORAGE", "aucun support"),
          Map.entry("CLEAR", "Clear"),
          Map.entry("PURGE", "Purge"),
          Map.entry("DESTROY", "Destroy"),
          Map.entry("DONATION_AGREEMENT", "convention de cession"),
          Map.entry("asset-route", "d'orientation"));

  private static final Pattern CODE =
      Pattern.compile(
          "(?<![\\w-])(PASSED|FAILED|MEDIA_DESTROYED|NO_STORAGE|CLEAR|PURGE|DESTROY"
              + "|DONATION_AGREEMENT|asset-route)(?![\\w-])");

  /** A media type code in parentheses, "(NVME)". */
  private static final Pattern MEDIA_TYPE = Pattern.compile("\\(([A-Z_]+)\\)");

  private static final Pattern ISO_DATE_TIME =
      Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(:\\d{2}(\\.\\d+)?)?Z?\\b");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
  private static final Pattern YEARS = Pattern.compile("\\b(\\d+\\.\\d+) ans\\b");
  private static final Pattern EUROS =
      Pattern.compile("(?<![\\d,.]|\\d[ \u00a0])\\b(\\d+(\\.\\d+)?) €");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * Who an actor is for people.
   *
   * @param name the person's display name, {@link #SYSTEM}, or the stored actor (a login)
   * @param userId the login of the person, when the actor names one through a worker
   * @param worker the job type of the worker that wrote the entry, or null
   */
  @NamedInterface("api")
  public record Actor(String name, String userId, String worker) {

    /** The technical part, for a "Détails" disclosure: login and worker, or null. */
    public String technical() {
      if (userId == null && worker == null) {
        return null;
      }
      StringBuilder text = new StringBuilder();
      if (userId != null) {
        text.append("identifiant ").append(userId);
      }
      if (worker != null) {
        text.append(text.isEmpty() ? "" : ", ")
            .append("enregistré par le traitement automatique ")
            .append(worker);
      }
      return text.toString();
    }
  }

  /**
   * An entry's or a document's actor for people: {@code "Camille Martin [cmartin] via
   * worker:inventory.record-inspection"} is Camille Martin, {@code "worker:x"} the {@link #SYSTEM},
   * anything else (a login, an import) itself.
   */
  public static Actor actor(String actor) {
    if (actor == null || actor.isBlank()) {
      return new Actor(SYSTEM, null, null);
    }
    Matcher person = PERSON_VIA_WORKER.matcher(actor.strip());
    if (person.matches()) {
      return new Actor(person.group(1), person.group(2), person.group(3));
    }
    Matcher worker = WORKER.matcher(actor.strip());
    if (worker.matches()) {
      return new Actor(SYSTEM, null, worker.group(1));
    }
    return new Actor(actor.strip(), null, null);
  }

  /**
   * Details as people read them: codes in words, media types by their labels, ISO dates as {@code
   * 12/03/2026 à 15:10}, decimal ages in years and months, amounts in euros with a comma.
   */
  public static String plain(String details) {
    if (details == null) {
      return null;
    }
    String text = replace(CODE, details, m -> CODES.get(m.group(1)));
    text =
        replace(
            MEDIA_TYPE,
            text,
            m -> mediaType(m.group(1)).map(label -> "(" + label + ")").orElse(m.group()));
    text = replace(ISO_DATE_TIME, text, m -> dateTime(m.group(1), m.group(2), m.group()));
    text = replace(ISO_DATE, text, m -> date(m.group(1), m.group()));
    text = replace(YEARS, text, m -> years(new BigDecimal(m.group(1))));
    text = replace(EUROS, text, m -> euros(new BigDecimal(m.group(1))));
    return text;
  }

  /** 8.59726 → "8 ans et 7 mois" ({@link FrenchFormats#age}). */
  public static String years(BigDecimal years) {
    return FrenchFormats.age(years);
  }

  /** 85.5 → "85,50 €" ({@link FrenchFormats#euros}). */
  public static String euros(BigDecimal amount) {
    return FrenchFormats.euros(amount);
  }

  private static Optional<String> mediaType(String code) {
    try {
      return Optional.of(StorageType.valueOf(code).label());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String dateTime(String date, String time, String original) {
    try {
      LocalDateTime value = LocalDateTime.parse(date + "T" + time);
      return DATE.format(value) + " à " + time;
    } catch (DateTimeParseException e) {
      return original;
    }
  }

  private static String date(String date, String original) {
    try {
      return DATE.format(LocalDate.parse(date));
    } catch (DateTimeParseException e) {
      return original;
    }
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> by) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
