package fr.secondevie.purchasing;

import fr.secondevie.inventory.AssetCategory;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase request as stored (read model of table {@code purchase_request}). */
record PurchaseRequest(
    long id,
    String service,
    String site,
    AssetCategory category,
    int quantity,
    UseCase useCase,
    SecurityConstraint securityConstraint,
    LocalDate neededBy,
    String justification,
    String requestedBy,
    Instant requestedAt,
    RequestStatus status,
    Long processInstanceKey,
    int assignedFromStock,
    String channel,
    String channelReason,
    String newJustification,
    Boolean newApproved,
    String newDecisionComment,
    String newDecidedBy,
    String minimumGrade) {

  /** Units still to buy once the internal stock assigned is deducted. */
  public int remainingQuantity() {
    return Math.max(0, quantity - assignedFromStock);
  }

  public String reference() {
    return "DA-" + id;
  }
}
