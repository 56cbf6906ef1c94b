package fr.secondevie.engine.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's clock: the system clock, optionally pinned to an instant or shifted by an offset.
 *
 * <p>Every timer, job deadline and message time-to-live is computed from this clock, so that tests
 * (and Camunda Process Test through the management API) can travel in time. Listeners are told
 * after each change so that the engine can fire what became due at once rather than at its next
 * wake-up.
 */
public final class ControlledClock extends Clock {

  private final Clock base;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile Instant pinned;
  private volatile long offsetMillis;

  public ControlledClock() {
    this(Clock.systemUTC());
  }

  public ControlledClock(Clock base) {
    this.base = base;
  }

  /** Freezes the clock at the given instant until {@link #reset()} or another pin. */
  public void pin(Instant instant) {
    pinned = instant;
    offsetMillis = 0;
    changed();
  }

  /**
   * Moves the clock forward (or backward for a negative duration). A pinned clock stays pinned at
   * the shifted instant.
   */
  public void add(Duration offset) {
    Instant current = pinned;
    if (current != null) {
      pinned = current.plus(offset);
    } else {
      offsetMillis += offset.toMillis();
    }
    changed();
  }

  /** Back to the system time, without pin or offset. */
  public void reset() {
    pinned = null;
    offsetMillis = 0;
    changed();
  }

  /** Registers a callback run after every pin, add or reset. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public long millis() {
    Instant current = pinned;
    return current != null ? current.toEpochMilli() : base.millis() + offsetMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The engine clock is always UTC");
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
