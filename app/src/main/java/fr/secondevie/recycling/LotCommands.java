package fr.secondevie.recycling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What the command services of a lot share ({@link LotPlacement}, {@link LotOrdering}, {@link
 * LotPickup}, {@link LotAttestation}, {@link LotCompletion}): the zone of its dates, their format
 * in custody entries, the instant stored and the lookup of a lot that must exist.
 */
final class LotCommands {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private LotCommands() {}

  /** What DATETIME(6) keeps, so that a returned instant equals a later read. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static DismantlingLot lot(DismantlingLotRepository lots, long lotId) {
    return lots.findById(lotId)
        .orElseThrow(
            () -> new IllegalArgumentException("Expected lot " + lotId + " but found none"));
  }
}
