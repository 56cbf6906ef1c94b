package fr.secondevie.indicators;

import fr.secondevie.indicators.AssetHistory.StatusChange;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds asset histories and outcomes for the computation tests. */
final class Histories {

  private static long nextId = 1;

  private final long id = nextId++;
  private final String number;
  private final AssetCategory category;
  private LocalDate acquired = LocalDate.of(2019, 3, 1);
  private final List<StatusChange> changes = new ArrayList<>();
  private AssetStatus current = AssetStatus.IN_SERVICE;

  private Histories(String number, AssetCategory category) {
    this.number = number;
    this.category = category;
    changes.add(
        new StatusChange(Instant.parse("2019-03-01T09:00:00Z"), null, AssetStatus.IN_SERVICE));
  }

  static Histories asset(String number, AssetCategory category) {
    return new Histories(number, category);
  }

  Histories acquired(String date) {
    acquired = LocalDate.parse(date);
    return this;
  }

  /** Moves to {@code to} at the UTC instant {@code at} (ISO-8601). */
  Histories then(String at, AssetStatus to) {
    changes.add(new StatusChange(Instant.parse(at), current, to));
    current = to;
    return this;
  }

  /** Retired on {@code day} (10:00 UTC) and wiped the same day, ready to be routed. */
  Histories retiredOn(String day) {
    return then(day + "T10:00:00Z", AssetStatus.DECOMMISSIONING)
        .then(day + "T11:00:00Z", AssetStatus.SANITIZING)
        .then(day + "T12:00:00Z", AssetStatus.SANITIZED);
  }

  long id() {
    return id;
  }

  AssetHistory build() {
    return new AssetHistory(id, number, category, acquired, changes);
  }

  ReuseOutcome outcome(String outcome, String date) {
    return new ReuseOutcome(id, outcome, LocalDate.parse(date), null, BigDecimal.ONE);
  }

  ReuseOutcome donation(String date, boolean committed) {
    return new ReuseOutcome(id, "DONATION", LocalDate.parse(date), committed, BigDecimal.ONE);
  }
}
