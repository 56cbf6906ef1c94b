package fr.secondevie.documents;

import static fr.secondevie.security.Role.ADMIN;
import static fr.secondevie.security.Role.ASSET_MANAGER;
import static fr.secondevie.security.Role.AUDITOR;
import static fr.secondevie.security.Role.BUYER;
import static fr.secondevie.security.Role.DIRECTOR;
import static fr.secondevie.security.Role.EVALUATOR;
import static fr.secondevie.security.Role.TECHNICIAN;

import fr.secondevie.security.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may download a stored document: the roles of the module it belongs to (docs/security-web.md).
 * The asset manager, the auditor and the administrator, who answer for the chain of custody of any
 * asset, read every document of the asset's end of life; the purchasing side (buyers, evaluators)
 * reads supplier evidence only, and supplier evidence stays with the purchasing side.
 */
final class DocumentReaders {

  private static final Set<Role> CUSTODY = EnumSet.of(ASSET_MANAGER, AUDITOR, ADMIN);

  private DocumentReaders() {}

  /** The roles that may download the document. */
  static Set<Role> of(StoredDocument document) {
    return switch (document.kind()) {
      // sanitization: the technicians who wipe and destroy, and the custody roles
      case WIPE_REPORT, SANITIZATION_CERTIFICATE, DESTRUCTION_CERTIFICATE -> custodyAnd(TECHNICIAN);
      // donation: the director approves, the technician prints the receipt, hands over and scans it
      // signed
      case DONATION_AGREEMENT -> custodyAnd(DIRECTOR);
      case HANDOVER_RECEIPT, HANDOVER_RECEIPT_FORM -> custodyAnd(DIRECTOR, TECHNICIAN);
      // reconditioning workshop, dismantling pickup
      case RECONDITIONING_ORDER, DISMANTLING_ORDER -> custodyAnd(TECHNICIAN);
      case RECYCLING_CERTIFICATE, ADAPTED_COMPANY_ATTESTATION -> CUSTODY;
      // purchasing: the referencing file of a supplier
      case SUPPLIER_EVIDENCE -> EnumSet.of(BUYER, EVALUATOR, ADMIN);
      // purchasing: the order the buyer placed, which the technicians receive against
      case PURCHASE_ORDER -> custodyAnd(BUYER, TECHNICIAN);
      // published reports (indicators, SPASER): management
      case REPORT -> custodyAnd(DIRECTOR);
      case OTHER ->
          document.ownerRef() != null && document.ownerRef().startsWith("donation-beneficiary:")
              // a beneficiary's proof of status, checked before a donation is approved
              ? custodyAnd(DIRECTOR)
              : CUSTODY;
    };
  }

  /** Whether a user with these authorities may download the document. */
  static boolean mayRead(StoredDocument document, Collection<? extends GrantedAuthority> user) {
    Set<Role> readers = of(document);
    return user.stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(a -> readers.stream().anyMatch(r -> r.authority().equals(a)));
  }

  private static Set<Role> custodyAnd(Role... more) {
    EnumSet<Role> roles = EnumSet.copyOf(CUSTODY);
    roles.addAll(Set.of(more));
    return roles;
  }
}
