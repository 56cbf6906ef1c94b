package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * P5 {@code reconditioned-purchase} — Achat reconditionné ({@code
 * bpmn/reconditioned-purchase.bpmn}) and its decision {@code purchase-channel} ({@code
 * bpmn/purchase-channel.dmn}).
 *
 * <p>Started by a purchase request with {@link Variables#PURCHASE_REQUEST_ID} and {@link
 * Variables#REQUESTED_BY}. Internal stock is proposed first; the remainder goes through the channel
 * decision; buying new needs a justification approved by a buyer; offers are checked against the
 * supplier registry (P4) or a purchasing central / SAD contract and ranked; the selected offer is
 * ordered (PDF), received with its serial numbers, registered in the inventory and its spend
 * written to the ledger the indicators read.
 */
@NamedInterface("api")
public final class ReconditionedPurchaseProcess {

  /** BPMN process id. */
  public static final String PROCESS_ID = "reconditioned-purchase";

  /** Model file name under {@code bpmn/} (and under {@code models/} on the classpath). */
  public static final String RESOURCE = "reconditioned-purchase.bpmn";

  /** Ids of the named flow nodes. */
  public static final class Elements {

    public static final String PURCHASE_REQUESTED = "purchase-requested";
    public static final String FIND_INTERNAL_STOCK = "find-internal-stock";
    public static final String STOCK_GATEWAY = "stock-gateway";
    public static final String REVIEW_INTERNAL_STOCK = "review-internal-stock";
    public static final String ASSIGN_INTERNAL_STOCK = "assign-internal-stock";

    /** Stock indisponible (boundary event): back to {@link #FIND_INTERNAL_STOCK}. */
    public static final String STOCK_UNAVAILABLE = "stock-unavailable";

    public static final String REMAINING_GATEWAY = "remaining-gateway";
    public static final String SERVED_FROM_STOCK = "served-from-stock";
    public static final String DECIDE_CHANNEL = "decide-channel";
    public static final String RECORD_CHANNEL = "record-channel";
    public static final String CHANNEL_GATEWAY = "channel-gateway";
    public static final String JUSTIFY_NEW_PURCHASE = "justify-new-purchase";
    public static final String APPROVE_NEW_PURCHASE = "approve-new-purchase";
    public static final String RECORD_NEW_PURCHASE_DECISION = "record-new-purchase-decision";
    public static final String APPROVAL_GATEWAY = "approval-gateway";
    public static final String NEW_PURCHASE_REFUSED = "new-purchase-refused";
    public static final String RECORD_OFFERS = "record-offers";
    public static final String RANK_OFFERS = "rank-offers";

    /** Offres refusées (boundary event): back to {@link #RECORD_OFFERS}. */
    public static final String OFFERS_REFUSED = "offers-refused";

    public static final String SELECT_OFFER = "select-offer";
    public static final String PLACE_ORDER = "place-order";

    /** Choix refusé (boundary event): back to {@link #SELECT_OFFER}. */
    public static final String SELECTION_REFUSED = "selection-refused";

    public static final String RECEIVE_ORDER = "receive-order";

    /** Livraison attendue (non-interrupting timer on {@link #RECEIVE_ORDER}). */
    public static final String DELIVERY_REMINDER = "delivery-reminder";

    public static final String CHECK_DELIVERY = "check-delivery";
    public static final String DELIVERY_CHECKED = "delivery-checked";
    public static final String RECORD_RECEPTION = "record-reception";

    /** Réception refusée (boundary event): back to {@link #RECEIVE_ORDER}. */
    public static final String RECEPTION_REFUSED = "reception-refused";

    /** Unités à remplacer ? ({@code missingQuantity > 0}). */
    public static final String REPLACEMENT_GATEWAY = "replacement-gateway";

    public static final String ORDER_RECEIVED = "order-received";
    public static final String DECIDE_REPLACEMENT = "decide-replacement";
    public static final String RECORD_REPLACEMENT_DECISION = "record-replacement-decision";

    /** Remplacement demandé ? (back to {@link #RECEIVE_ORDER}, or the order is closed). */
    public static final String REPLACEMENT_DECISION_GATEWAY = "replacement-decision-gateway";

    public static final String ORDER_CLOSED = "order-closed";

    private Elements() {}
  }

  /** Job types of the service tasks. */
  public static final class JobTypes {

    /**
     * Proposes the {@code IN_STOCK} assets of the category. In: {@code purchaseRequestId}. Out:
     * {@code category}, {@code useCase}, {@code securityConstraint}, {@code stockProposal}, {@code
     * stockProposalCount}, {@code remainingQuantity}, {@code reconditionedOffersAvailable}.
     */
    public static final String FIND_INTERNAL_STOCK = "purchasing.find-internal-stock";

    /**
     * Assigns the accepted assets to the requesting service. In: {@code stockProposal} (each item
     * with {@code accepted}). Out: {@code assignedCount}, {@code remainingQuantity}. Error: {@link
     * ErrorCodes#STOCK_UNAVAILABLE}.
     */
    public static final String ASSIGN_STOCK = "purchasing.assign-stock";

    /** Records the channel decided. In: {@code channelDecision}. */
    public static final String RECORD_CHANNEL = "purchasing.record-channel";

    /**
     * Records the justification of a new purchase and the buyer's decision. In: {@code
     * newPurchaseJustification}, {@code newPurchaseApproval}.
     */
    public static final String RECORD_NEW_PURCHASE_DECISION =
        "purchasing.record-new-purchase-decision";

    /**
     * Checks and ranks the offers. In: {@code offers}. Out: {@code ranking}. Error: {@link
     * ErrorCodes#OFFERS_REFUSED}.
     */
    public static final String RANK_OFFERS = "purchasing.rank-offers";

    /**
     * Records the selection, renders and sends the order. In: {@code selection}. Out: {@code
     * purchaseOrder}. Error: {@link ErrorCodes#SELECTION_REFUSED}.
     */
    public static final String PLACE_ORDER = "purchasing.place-order";

    /** Reminds the supplier when the promised delivery date has passed. */
    public static final String CHECK_DELIVERY = "purchasing.check-delivery";

    /**
     * Records a delivery, registers the accepted units, publishes the spend once the order is fully
     * received. In: {@code reception}. Out: {@code receivedCount}, {@code refusedCount}, {@code
     * missingQuantity}. Error: {@link ErrorCodes#RECEPTION_REFUSED}.
     */
    public static final String RECORD_RECEPTION = "purchasing.record-reception";

    /**
     * Asks the supplier to replace the units still due, or closes the order with the units received
     * (spend published). In: {@code replacement}.
     */
    public static final String RECORD_REPLACEMENT_DECISION =
        "purchasing.record-replacement-decision";

    private JobTypes() {}
  }

  /** BPMN error codes. */
  public static final class ErrorCodes {

    /** {@code purchasing.assign-stock}: an accepted asset is no longer in stock. */
    public static final String STOCK_UNAVAILABLE = "STOCK_UNAVAILABLE";

    /** {@code purchasing.rank-offers}: an offer is refused; back to {@code record-offers}. */
    public static final String OFFERS_REFUSED = "OFFERS_REFUSED";

    /** {@code purchasing.place-order}: the selection is refused; back to {@code select-offer}. */
    public static final String SELECTION_REFUSED = "SELECTION_REFUSED";

    /** {@code purchasing.record-reception}: the reception is refused; back to the task. */
    public static final String RECEPTION_REFUSED = "RECEPTION_REFUSED";

    private ErrorCodes() {}
  }

  /** Process variables. */
  public static final class Variables {

    public static final String PURCHASE_REQUEST_ID = "purchaseRequestId";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String CATEGORY = "category";
    public static final String USE_CASE = "useCase";
    public static final String SECURITY_CONSTRAINT = "securityConstraint";
    public static final String STOCK_PROPOSAL = "stockProposal";
    public static final String STOCK_PROPOSAL_COUNT = "stockProposalCount";
    public static final String ASSIGNED_COUNT = "assignedCount";
    public static final String REMAINING_QUANTITY = "remainingQuantity";
    public static final String RECONDITIONED_OFFERS_AVAILABLE = "reconditionedOffersAvailable";
    public static final String CHANNEL_DECISION = "channelDecision";
    public static final String NEW_PURCHASE_JUSTIFICATION = "newPurchaseJustification";
    public static final String NEW_PURCHASE_APPROVAL = "newPurchaseApproval";
    public static final String OFFERS = "offers";
    public static final String RANKING = "ranking";
    public static final String SELECTION = "selection";
    public static final String PURCHASE_ORDER = "purchaseOrder";
    public static final String RECEPTION = "reception";
    public static final String RECEIVED_COUNT = "receivedCount";
    public static final String REFUSED_COUNT = "refusedCount";
    public static final String MISSING_QUANTITY = "missingQuantity";
    public static final String REPLACEMENT = "replacement";

    /**
     * Who completed the last user task in the inbox ({@code fr.secondevie.common.CompletedBy}),
     * mapped out of each user task, cleared by the worker that follows it.
     */
    public static final String COMPLETED_BY = AssetEndOfLifeProcess.Variables.COMPLETED_BY;

    /** Why a worker refused what a person typed, shown at the top of the form. */
    public static final String TASK_REFUSAL = AssetEndOfLifeProcess.Variables.TASK_REFUSAL;

    private Variables() {}
  }

  /** Form ids of the user tasks. */
  public static final class Forms {

    public static final String REVIEW_INTERNAL_STOCK = "review-internal-stock";
    public static final String JUSTIFY_NEW_PURCHASE = "justify-new-purchase";
    public static final String APPROVE_NEW_PURCHASE = "approve-new-purchase";
    public static final String RECORD_OFFERS = "record-offers";
    public static final String SELECT_OFFER = "select-offer";
    public static final String RECEIVE_ORDER = "receive-order";
    public static final String DECIDE_REPLACEMENT = "decide-replacement";

    private Forms() {}
  }

  /** Timer values (ISO 8601). */
  public static final class Timers {

    /** Delivery check on the reception task, non-interrupting, every 7 days. */
    public static final String DELIVERY_CHECK_CYCLE = "R/P7D";

    private Timers() {}
  }

  /** The decision {@code purchase-channel}. */
  public static final class ChannelDecision {

    public static final String DECISION_ID = "purchase-channel";
    public static final String RESOURCE = "purchase-channel.dmn";

    /** Input names (process variables). */
    public static final class Inputs {
      public static final String CATEGORY = Variables.CATEGORY;
      public static final String USE_CASE = Variables.USE_CASE;
      public static final String QUANTITY = Variables.REMAINING_QUANTITY;
      public static final String SECURITY_CONSTRAINT = Variables.SECURITY_CONSTRAINT;
      public static final String RECONDITIONED_OFFERS_AVAILABLE =
          Variables.RECONDITIONED_OFFERS_AVAILABLE;

      private Inputs() {}
    }

    /** Output names of {@code channelDecision}. */
    public static final class Outputs {
      public static final String CHANNEL = "channel";
      public static final String REASON = "reason";

      private Outputs() {}
    }

    /** The channels. */
    public static final class Channels {
      public static final String RECONDITIONED = "RECONDITIONED";
      public static final String RECONDITIONED_OR_NEW = "RECONDITIONED_OR_NEW";
      public static final String NEW = "NEW";

      private Channels() {}
    }

    /** From this many units a homogeneous lot is rarely found reconditioned. */
    public static final int LARGE_LOT = 50;

    private ChannelDecision() {}
  }

  private ReconditionedPurchaseProcess() {}
}
