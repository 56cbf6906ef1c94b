package fr.secondevie.purchasing;

import fr.secondevie.inventory.AssetCategory;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST API of the purchase requests ({@code /api/purchase-requests}). Any logged-in user. */
@RestController
@RequestMapping("/api/purchase-requests")
@PreAuthorize("isAuthenticated()")
class PurchaseApiController {

  private final PurchaseRequests requests;

  PurchaseApiController(PurchaseRequests requests) {
    this.requests = requests;
  }

  record OfferJson(
      int rank,
      OfferSource source,
      String supplierName,
      String supplierSiret,
      String contractReference,
      String contractLot,
      boolean reservedForAdaptedCompanies,
      boolean reconditioned,
      long unitPriceCents,
      int warrantyMonths,
      int deliveryDays,
      int maturityBonus,
      BigDecimal score) {}

  record UnitJson(
      String serialNumber, boolean accepted, String refusalReason, String inventoryNumber) {}

  record OrderJson(
      String reference,
      int quantity,
      LocalDate orderedOn,
      LocalDate expectedBy,
      String selectionReason,
      String documentId,
      String status,
      int remindersSent,
      LocalDate receivedOn,
      Integer receivedCount,
      Integer refusedCount,
      String selectedBy,
      String receivedBy,
      List<UnitJson> units,
      List<WarrantyReturnJson> warrantyReturns) {}

  record WarrantyReturnJson(
      String inventoryNumber,
      String serialNumber,
      LocalDate returnedOn,
      WarrantyReturn.Remedy remedy,
      String reason,
      String recordedBy) {}

  record RequestJson(
      long id,
      String reference,
      String service,
      String site,
      AssetCategory category,
      int quantity,
      UseCase useCase,
      SecurityConstraint securityConstraint,
      LocalDate neededBy,
      String justification,
      String minimumGrade,
      String requestedBy,
      RequestStatus status,
      Long processInstanceKey,
      List<String> assignedFromStock,
      int remainingQuantity,
      String channel,
      String channelReason,
      String newPurchaseJustification,
      Boolean newPurchaseApproved,
      String newPurchaseComment,
      String newPurchaseDecidedBy,
      List<OfferJson> offers,
      OrderJson order) {}

  @PostMapping
  ResponseEntity<RequestJson> submit(
      @RequestBody PurchaseRequests.RequestInput input, Principal user) {
    PurchaseRequest created = requests.submit(input, user.getName());
    return ResponseEntity.created(URI.create("/api/purchase-requests/" + created.id()))
        .body(json(created));
  }

  @GetMapping
  List<RequestJson> list() {
    return requests.requests().stream().map(this::json).toList();
  }

  @GetMapping("/{id}")
  RequestJson get(@PathVariable long id) {
    return requests
        .find(id)
        .map(this::json)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private RequestJson json(PurchaseRequest r) {
    OrderJson order =
        requests
            .orderOf(r.id())
            .map(
                o ->
                    new OrderJson(
                        o.reference(),
                        o.quantity(),
                        o.orderedOn(),
                        o.expectedBy(),
                        o.selectionReason(),
                        o.documentId(),
                        o.status(),
                        o.remindersSent(),
                        o.receivedOn(),
                        o.receivedCount(),
                        o.refusedCount(),
                        o.selectedBy(),
                        o.receivedBy(),
                        requests.units(o.id()).stream()
                            .map(
                                u ->
                                    new UnitJson(
                                        u.serialNumber(),
                                        u.accepted(),
                                        u.refusalReason(),
                                        u.inventoryNumber()))
                            .toList(),
                        requests.warrantyReturns(o.id()).stream()
                            .map(
                                w ->
                                    new WarrantyReturnJson(
                                        w.inventoryNumber(),
                                        w.serialNumber(),
                                        w.returnedOn(),
                                        w.remedy(),
                                        w.reason(),
                                        w.recordedBy()))
                            .toList()))
            .orElse(null);
    return new RequestJson(
        r.id(),
        r.reference(),
        r.service(),
        r.site(),
        r.category(),
        r.quantity(),
        r.useCase(),
        r.securityConstraint(),
        r.neededBy(),
        r.justification(),
        r.minimumGrade(),
        r.requestedBy(),
        r.status(),
        r.processInstanceKey(),
        requests.assignedFromStock(r.id()),
        r.remainingQuantity(),
        r.channel(),
        r.channelReason(),
        r.newJustification(),
        r.newApproved(),
        r.newDecisionComment(),
        r.newDecidedBy(),
        requests.offers(r.id()).stream()
            .map(
                o ->
                    new OfferJson(
                        o.rank(),
                        o.source(),
                        o.supplierName(),
                        o.supplierSiret(),
                        o.contractReference(),
                        o.contractLot(),
                        o.reservedForAdaptedCompanies(),
                        o.reconditioned(),
                        o.unitPriceCents(),
                        o.warrantyMonths(),
                        o.deliveryDays(),
                        o.maturityBonus(),
                        o.score()))
            .toList(),
        order);
  }
}
