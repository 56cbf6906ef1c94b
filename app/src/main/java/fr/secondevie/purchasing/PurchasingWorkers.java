package fr.secondevie.purchasing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.JobOperations;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Elements;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ErrorCodes;
import fr.secondevie.processes.ReconditionedPurchaseProcess.JobTypes;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of P5 {@code reconditioned-purchase}: thin glue to its command services ({@link
 * InternalStock}, {@link PurchaseChannels}, {@link PurchaseOffers}, {@link PurchaseOrdering},
 * {@link PurchaseReceptions}, {@link ReplacementDecisions}). Input a person typed that a service
 * refuses (nothing written) becomes a BPMN error with variable {@code taskRefusal}, every problem
 * in French: the model sends the task back with the reason.
 *
 * <p>Public, with public worker methods: the Camunda starter invokes them by reflection.
 */
@Component
public class PurchasingWorkers {

  private final PurchaseRequests requests;
  private final InternalStock stock;
  private final PurchaseChannels channels;
  private final PurchaseOffers offers;
  private final PurchaseOrdering ordering;
  private final PurchaseReceptions receptions;
  private final ReplacementDecisions replacements;
  private final ObjectMapper json;

  PurchasingWorkers(
      PurchaseRequests requests,
      InternalStock stock,
      PurchaseChannels channels,
      PurchaseOffers offers,
      PurchaseOrdering ordering,
      PurchaseReceptions receptions,
      ReplacementDecisions replacements,
      ObjectMapper json) {
    this.requests = requests;
    this.stock = stock;
    this.channels = channels;
    this.offers = offers;
    this.ordering = ordering;
    this.receptions = receptions;
    this.replacements = replacements;
    this.json = json;
  }

  /** A list variable read item by item into {@code type} (the client maps only its raw JSON). */
  private <T> List<T> list(ActivatedJob job, String name, Class<T> type) {
    Object raw = job.getVariablesAsMap().get(name);
    if (raw == null) {
      return List.of();
    }
    return json.convertValue(raw, json.getTypeFactory().constructCollectionType(List.class, type));
  }

  /** {@code channelDecision}, the result of {@code purchase-channel}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChannelVariable(String channel, String reason) {}

  /** {@code newPurchaseApproval}, from form {@code approve-new-purchase}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ApprovalVariable(Boolean approved, String comment) {}

  /** One line of {@code offers}, from form {@code record-offers}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OfferVariable(
      String source,
      String supplierSiret,
      String supplierName,
      String contractReference,
      String contractLot,
      Boolean reservedForAdaptedCompanies,
      Boolean reconditioned,
      BigDecimal unitPriceExclTax,
      Integer warrantyMonths,
      Integer deliveryDays) {}

  /** {@code selection}, from form {@code select-offer}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SelectionVariable(Integer rank, String reason) {}

  /** {@code reception}, from form {@code receive-order}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReceptionVariable(
      String receivedOn, String acceptedSerials, String refusedUnits, String notes) {}

  /** One item of {@code stockProposal}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StockVariable(
      Long assetId,
      String inventoryNumber,
      String description,
      String site,
      String grade,
      Boolean accepted) {}

  record StockOutput(
      String category,
      String useCase,
      String securityConstraint,
      String minimumGrade,
      List<InternalStock.StockItem> stockProposal,
      int stockProposalCount,
      int remainingQuantity,
      boolean reconditionedOffersAvailable) {}

  record AssignOutput(int assignedCount, int remainingQuantity) {}

  /** One line of {@code ranking}, shown by form {@code select-offer}. */
  record RankedOffer(
      int rank,
      String label,
      String source,
      boolean reconditioned,
      String unitPriceDisplay,
      long unitPriceCents,
      int warrantyMonths,
      int deliveryDays,
      int maturityBonus,
      BigDecimal score) {}

  record RankingOutput(List<RankedOffer> ranking) {}

  record OrderVariable(
      long orderId,
      String reference,
      int quantity,
      String supplierName,
      String expectedBy,
      String documentId) {}

  record OrderOutput(OrderVariable purchaseOrder) {}

  record ReceptionOutput(int receivedCount, int refusedCount, int missingQuantity) {}

  /** {@code replacement}, from form {@code decide-replacement}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReplacementVariable(Boolean replace, String comment) {}

  @JobWorker(type = JobTypes.FIND_INTERNAL_STOCK)
  public StockOutput findInternalStock(
      @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId) {
    InternalStock.StockSearch found = stock.findInternalStock(purchaseRequestId);
    return new StockOutput(
        found.request().category().name(),
        found.request().useCase().name(),
        found.request().securityConstraint().name(),
        found.request().minimumGrade(),
        found.proposal(),
        found.proposal().size(),
        found.remainingQuantity(),
        found.reconditionedOffersAvailable());
  }

  /** Recorded under the person who completed {@code review-internal-stock} in the inbox. */
  @JobWorker(type = JobTypes.ASSIGN_STOCK)
  public Map<String, Object> assignStock(
      ActivatedJob job, @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId) {
    List<StockVariable> stockProposal = list(job, Variables.STOCK_PROPOSAL, StockVariable.class);
    List<InternalStock.StockItem> reviewed =
        stockProposal == null
            ? List.of()
            : stockProposal.stream()
                .filter(s -> s.assetId() != null)
                .map(
                    s ->
                        new InternalStock.StockItem(
                            s.assetId(),
                            s.inventoryNumber(),
                            s.description(),
                            s.site(),
                            s.grade(),
                            s.accepted()))
                .toList();
    try {
      int remaining =
          stock.assignStock(
              purchaseRequestId,
              reviewed,
              JobOperations.operationId(job),
              CompletedBy.actor(job, Elements.REVIEW_INTERNAL_STOCK, InternalStock.ACTOR_ASSIGN));
      return output(
          new AssignOutput(requests.assignedFromStock(purchaseRequestId).size(), remaining));
    } catch (InternalStock.StockUnavailableException e) {
      throw CamundaError.bpmnError(ErrorCodes.STOCK_UNAVAILABLE, e.getMessage());
    }
  }

  @JobWorker(type = JobTypes.RECORD_CHANNEL)
  public void recordChannel(
      @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId,
      @Variable(name = Variables.CHANNEL_DECISION) ChannelVariable channelDecision) {
    channels.recordChannel(purchaseRequestId, channelDecision.channel(), channelDecision.reason());
  }

  /** The buyer who completed {@code approve-new-purchase} in the inbox is recorded. */
  @JobWorker(type = JobTypes.RECORD_NEW_PURCHASE_DECISION)
  public Map<String, Object> recordNewPurchaseDecision(
      ActivatedJob job,
      @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId,
      @Variable(name = Variables.NEW_PURCHASE_JUSTIFICATION) String newPurchaseJustification,
      @Variable(name = Variables.NEW_PURCHASE_APPROVAL) ApprovalVariable newPurchaseApproval) {
    channels.recordNewPurchaseDecision(
        purchaseRequestId,
        newPurchaseJustification,
        Boolean.TRUE.equals(newPurchaseApproval.approved()),
        newPurchaseApproval.comment(),
        CompletedBy.of(job, Elements.APPROVE_NEW_PURCHASE));
    return CompletedBy.cleared();
  }

  @JobWorker(type = JobTypes.RANK_OFFERS)
  public RankingOutput rankOffers(
      ActivatedJob job, @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId) {
    List<OfferVariable> offers = list(job, Variables.OFFERS, OfferVariable.class);
    try {
      List<Offer> ranked =
          this.offers.rankOffers(
              purchaseRequestId,
              offers == null
                  ? List.of()
                  : offers.stream()
                      .map(
                          o ->
                              new PurchaseOffers.OfferInput(
                                  o.source(),
                                  o.supplierSiret(),
                                  o.supplierName(),
                                  o.contractReference(),
                                  o.contractLot(),
                                  o.reservedForAdaptedCompanies(),
                                  o.reconditioned(),
                                  o.unitPriceExclTax(),
                                  o.warrantyMonths(),
                                  o.deliveryDays()))
                      .toList());
      return new RankingOutput(
          ranked.stream()
              .map(
                  o ->
                      new RankedOffer(
                          o.rank(),
                          o.supplierName()
                              + (o.contractReference() == null
                                  ? ""
                                  : " (contrat " + o.contractReference() + ")")
                              + (o.reconditioned() ? ", reconditionné" : ", neuf"),
                          o.source().label(),
                          o.reconditioned(),
                          PurchaseOrderRenderer.euros(o.unitPriceCents()),
                          o.unitPriceCents(),
                          o.warrantyMonths(),
                          o.deliveryDays(),
                          o.maturityBonus(),
                          o.score()))
              .toList());
    } catch (InvalidInputException e) {
      throw refused(ErrorCodes.OFFERS_REFUSED, e);
    }
  }

  /** The buyer who completed {@code select-offer} in the inbox is recorded on the order. */
  @JobWorker(type = JobTypes.PLACE_ORDER)
  public Map<String, Object> placeOrder(
      ActivatedJob job,
      @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId,
      @Variable(name = Variables.SELECTION) SelectionVariable selection) {
    try {
      PurchaseOrder order =
          ordering.placeOrder(
              purchaseRequestId,
              selection.rank(),
              selection.reason(),
              JobOperations.operationId(job),
              CompletedBy.of(job, Elements.SELECT_OFFER));
      Offer offer =
          requests.offers(purchaseRequestId).stream()
              .filter(o -> o.id() == order.offerId())
              .findFirst()
              .orElseThrow();
      return output(
          new OrderOutput(
              new OrderVariable(
                  order.id(),
                  order.reference(),
                  order.quantity(),
                  offer.supplierName(),
                  PurchaseOrderRenderer.DATE.format(order.expectedBy()),
                  order.documentId())));
    } catch (InvalidInputException e) {
      throw refused(ErrorCodes.SELECTION_REFUSED, e);
    }
  }

  @JobWorker(type = JobTypes.CHECK_DELIVERY)
  public void checkDelivery(
      ActivatedJob job, @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId) {
    ordering.checkDelivery(purchaseRequestId, JobOperations.operationId(job));
  }

  /** Registered under the person who completed {@code receive-order} in the inbox. */
  @JobWorker(type = JobTypes.RECORD_RECEPTION)
  public Map<String, Object> recordReception(
      ActivatedJob job,
      @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId,
      @Variable(name = Variables.RECEPTION) ReceptionVariable reception) {
    try {
      PurchaseReceptions.Reception done =
          receptions.recordReception(
              purchaseRequestId,
              new PurchaseReceptions.ReceptionInput(
                  date(reception.receivedOn()),
                  reception.acceptedSerials(),
                  reception.refusedUnits(),
                  reception.notes()),
              CompletedBy.of(job, Elements.RECEIVE_ORDER),
              JobOperations.operationId(job));
      return output(
          new ReceptionOutput(done.receivedCount(), done.refusedCount(), done.missingQuantity()));
    } catch (InvalidInputException e) {
      throw refused(ErrorCodes.RECEPTION_REFUSED, e);
    }
  }

  /** The worker's output record as variables, with {@code completedBy} cleared. */
  private Map<String, Object> output(Record output) {
    Map<String, Object> variables = new HashMap<>(CompletedBy.cleared());
    variables.putAll(
        json.convertValue(
            output, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    return variables;
  }

  /** The buyer who completed {@code decide-replacement} in the inbox is recorded. */
  @JobWorker(type = JobTypes.RECORD_REPLACEMENT_DECISION)
  public Map<String, Object> recordReplacementDecision(
      ActivatedJob job,
      @Variable(name = Variables.PURCHASE_REQUEST_ID) Long purchaseRequestId,
      @Variable(name = Variables.REPLACEMENT) ReplacementVariable replacement) {
    replacements.recordReplacementDecision(
        purchaseRequestId,
        Boolean.TRUE.equals(replacement.replace()),
        replacement.comment(),
        CompletedBy.of(job, Elements.DECIDE_REPLACEMENT),
        JobOperations.operationId(job));
    return CompletedBy.cleared();
  }

  /** The BPMN error sending the task back, with every problem in {@code taskRefusal}. */
  static BpmnError refused(String code, InvalidInputException e) {
    String refusal = String.join(" ", e.errors().values());
    return CamundaError.bpmnError(code, refusal, Map.of(Variables.TASK_REFUSAL, refusal));
  }

  static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
  }
}
