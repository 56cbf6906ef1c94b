package fr.secondevie.purchasing;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.suppliers.SupplierContact;
import fr.secondevie.suppliers.SupplierDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command services of P5 share ({@link PurchaseRequests}, {@link InternalStock}, {@link
 * PurchaseChannels}, {@link PurchaseOffers}, {@link PurchaseOrdering}, {@link PurchaseReceptions},
 * {@link ReplacementDecisions}, {@link WarrantyReturns}): the zone of their dates, the request that
 * must exist, the supplier's e-mail, who completed a task, and the checks of typed text.
 *
 * <p>Each command checks everything before writing anything, writes in one transaction and can run
 * twice (a job delivered twice) without doing anything twice.
 */
final class PurchaseCommands {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private PurchaseCommands() {}

  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(PARIS));
  }

  /** "Name [login]" of who completed the task in the inbox, null when nobody is known. */
  static String person(Optional<CompletedBy> completedBy) {
    return completedBy.map(c -> c.displayName() + " [" + c.userId() + "]").orElse(null);
  }

  static PurchaseRequest request(PurchaseRequestRepository requests, long id) {
    return requests.findRequest(id).orElseThrow(() -> notFound(id));
  }

  static IllegalStateException notFound(long id) {
    return new IllegalStateException("No purchase request " + id);
  }

  /** The e-mail of the supplier's first contact, when the registry knows the supplier. */
  static Optional<String> supplierEmail(SupplierDirectory suppliers, Offer offer) {
    if (offer.supplierId() == null) {
      return Optional.empty();
    }
    return suppliers
        .supplier(offer.supplierId())
        .flatMap(s -> s.getContacts().stream().map(SupplierContact::email).findFirst());
  }

  static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String text(String value, String field, String what, int max, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      errors.put(field, "Indiquez " + what + ".");
      return null;
    }
    if (value.strip().length() > max) {
      errors.put(field, "Trop long : " + max + " caractères au plus.");
      return null;
    }
    return value.strip();
  }

  static <E extends Enum<E>> E choice(
      Class<E> type, String value, String field, String what, Map<String, String> errors) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, "Choisissez " + what + ".");
      return null;
    }
  }
}
