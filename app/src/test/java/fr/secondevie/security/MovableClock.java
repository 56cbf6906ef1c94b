package fr.secondevie.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that unit tests move forward (login windows and locks, cached verifications), from a
 * fixed instant: it never reads the wall clock.
 */
class MovableClock extends Clock {

  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  private volatile Duration offset = Duration.ZERO;

  void advance(Duration by) {
    offset = offset.plus(by);
  }

  void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return START.plus(offset);
  }
}
