package fr.secondevie.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of the application's tests, in the Europe/Paris zone: it starts at a pinned
 * instant, never reads the wall clock, and moves only when a test moves it (plus one microsecond at
 * each reading, so that two records written one after the other keep their order).
 *
 * <p>The instant is {@value #PROPERTY} (system property or Spring property, ISO-8601 such as {@code
 * 2026-01-15T23:30:00Z}); without it {@link #DEFAULT_START}. Every Spring test context gets it as
 * the {@code @Primary} {@link Clock} ({@link TestClockConfiguration}); tests that are not Spring
 * tests use {@link #fromProperty()}.
 */
public final class TestClock extends Clock {

  /** The property that pins the start instant, e.g. {@code -Dsecondevie.test.clock=...}. */
  public static final String PROPERTY = "secondevie.test.clock";

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /**
   * A Thursday morning in Paris, after every fixed date the fixtures use (wipe reports, destruction
   * proofs, inspections) and at the age the fixtures' purchase dates were chosen for (the 10-year
   * and 300 € boundaries).
   */
  public static final Instant DEFAULT_START = Instant.parse("2026-12-03T10:00:00Z");

  private final Instant start;
  private final ZoneId zone;
  private final State state;

  private static final class State {
    private final AtomicLong micros = new AtomicLong();
    private volatile Duration offset = Duration.ZERO;
  }

  private TestClock(Instant start, ZoneId zone, State state) {
    this.start = Objects.requireNonNull(start);
    this.zone = Objects.requireNonNull(zone);
    this.state = state;
  }

  private static final Map<Instant, TestClock> SHARED = new ConcurrentHashMap<>();

  /** A clock pinned at {@code start}, in Paris, of its own. */
  public static TestClock startingAt(Instant start) {
    return new TestClock(start, PARIS, new State());
  }

  /**
   * The clock of the test JVM pinned at {@code start}: every Spring context gets the same one, as
   * they would share the system clock (their job workers take the shared engine's jobs in turn, so
   * what they write must be dated by one clock).
   */
  public static TestClock shared(Instant start) {
    return SHARED.computeIfAbsent(start, TestClock::startingAt);
  }

  /** The shared clock pinned at {@value #PROPERTY} if set (system property), else the default. */
  public static TestClock fromProperty() {
    return shared(startInstant(System.getProperty(PROPERTY)));
  }

  /** The start instant for a property value: blank means {@link #DEFAULT_START}. */
  static Instant startInstant(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_START;
    }
    try {
      return Instant.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          PROPERTY + " must be an ISO-8601 instant such as 2026-01-15T23:30:00Z, not: " + value, e);
    }
  }

  /** The instant the clock was pinned at (before any move). */
  public Instant start() {
    return start;
  }

  /** Today in Paris: the date the application checks handovers, pickups and slips against. */
  public LocalDate today() {
    return LocalDate.ofInstant(instant(), PARIS);
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration by) {
    state.offset = state.offset.plus(by);
  }

  /** Back to the pinned instant plus the readings so far (the moves are undone). */
  public void reset() {
    state.offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new TestClock(start, zone, state);
  }

  @Override
  public Instant instant() {
    return start.plus(state.offset).plusNanos(1_000 * state.micros.incrementAndGet());
  }

  @Override
  public String toString() {
    return "TestClock[start=" + start + ", offset=" + state.offset + ", zone=" + zone + "]";
  }
}
