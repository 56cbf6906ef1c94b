package fr.secondevie.suppliers;

import fr.secondevie.processes.SupplierReferencingProcess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;

/**
 * What the referencing command services share ({@link CandidateRegistration}, {@link
 * SupplierInvitations}, {@link SupplierEvaluation}, {@link ReferencingDecisions}): the zone of the
 * dates, the instant stored, the validity of a referencing, the rows that must exist.
 */
final class ReferencingCommands {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private ReferencingCommands() {}

  static SupplierApplication application(
      SupplierApplicationRepository applications, long applicationId) {
    return applications
        .findById(applicationId)
        .orElseThrow(() -> new NoSuchElementException("No supplier application " + applicationId));
  }

  static Supplier supplier(SupplierRepository suppliers, long supplierId) {
    return suppliers
        .findById(supplierId)
        .orElseThrow(() -> new NoSuchElementException("No supplier " + supplierId));
  }

  static LocalDate validUntil(LocalDate from) {
    return from.plus(Period.parse(SupplierReferencingProcess.REFERENCING_VALIDITY)).minusDays(1);
  }

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static LocalDate today(Instant instant) {
    return instant.atZone(PARIS).toLocalDate();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
