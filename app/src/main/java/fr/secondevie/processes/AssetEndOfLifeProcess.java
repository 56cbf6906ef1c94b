package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * P2 {@code asset-end-of-life} — Fin de vie d'un équipement ({@code bpmn/asset-end-of-life.bpmn}).
 *
 * <p>Started with {@link Variables#ASSET_ID} (and {@link Variables#CAMPAIGN_ID} when called from a
 * campaign). The asset is decommissioned, collected and inspected, its storage wiped with a
 * certificate per drive (or physically destroyed when any wipe fails), routed by the decision
 * {@link AssetRouteDecision} (with arbitration for {@code REVIEW}), then donated, given a second
 * life or recycled through a dismantling lot. The process ends with {@link Variables#OUTCOME} set
 * to one of {@link Outcomes}. Every {@code inventory.update-status} task moves the inventory status
 * named by its {@link Headers#TARGET_STATUS} header and appends to the chain of custody.
 */
@NamedInterface("api")
public final class AssetEndOfLifeProcess {

  /** BPMN process id. */
  public static final String PROCESS_ID = "asset-end-of-life";

  /** Model file name under {@code bpmn/} (and under {@code models/} on the classpath). */
  public static final String RESOURCE = "asset-end-of-life.bpmn";

  /**
   * Failed beneficiary searches after which the donation is abandoned: the search is retried every
   * 7 days while {@code beneficiarySearchFailures <= 3}, so at most four searches in three weeks.
   */
  public static final int BENEFICIARY_SEARCH_RETRIES = 3;

  /** Ids of the named flow nodes. */
  public static final class Elements {

    /** Retrait demandé (start event). */
    public static final String ASSET_RETIREMENT_REQUESTED = "asset-retirement-requested";

    /** Passer l'équipement en retrait (service task). */
    public static final String MARK_DECOMMISSIONING = "mark-decommissioning";

    /** Retrait impossible (boundary event). */
    public static final String ASSET_NOT_RETIRABLE = "asset-not-retirable";

    /** Équipement introuvable (boundary event). */
    public static final String ASSET_NOT_FOUND = "asset-not-found";

    /** Régulariser l'inventaire (user task). */
    public static final String REGULARIZE_INVENTORY = "regularize-inventory";

    /** Inventaire régularisé ? (exclusive gateway). */
    public static final String REGULARIZATION_GATEWAY = "regularization-gateway";

    /** Équipement retiré de la procédure (end event). */
    public static final String ASSET_WITHDRAWN = "asset-withdrawn";

    /** Collecter et inspecter l'équipement (user task). */
    public static final String COLLECT_ASSET = "collect-asset";

    /** Enregistrer l'inspection (service task). */
    public static final String RECORD_INSPECTION = "record-inspection";

    /** Collecte en attente (boundary event). */
    public static final String COLLECTION_REMINDER = "collection-reminder";

    /** Relancer la collecte (service task). */
    public static final String SEND_COLLECTION_REMINDER = "send-collection-reminder";

    /** Relance envoyée (end event). */
    public static final String COLLECTION_REMINDER_SENT = "collection-reminder-sent";

    /** Planifier l'effacement des supports (service task). */
    public static final String PLAN_SANITIZATION = "plan-sanitization";

    /** Passer en effacement (service task). */
    public static final String MARK_SANITIZING = "mark-sanitizing";

    /** Supports à effacer ? (exclusive gateway). */
    public static final String STORAGE_GATEWAY = "storage-gateway";

    /** Attendre le rapport d'effacement (receive task). */
    public static final String WAIT_FOR_WIPE_REPORT = "wait-for-wipe-report";

    /** Rapport non reçu sous 2 jours (boundary event). */
    public static final String SANITIZATION_REPORT_TIMEOUT = "sanitization-report-timeout";

    /** Saisir le rapport d'effacement (user task). */
    public static final String ENTER_WIPE_REPORT = "enter-wipe-report";

    /** Vérifier le rapport et établir les certificats (service task). */
    public static final String RECORD_CERTIFICATES = "record-certificates";

    /** Effacement non conforme (boundary event). */
    public static final String SANITIZATION_FAILED = "sanitization-failed";

    /** Passer en destruction des supports (service task). */
    public static final String MARK_MEDIA_DESTRUCTION = "mark-media-destruction";

    /** Détruire physiquement les supports (user task). */
    public static final String DESTROY_MEDIA = "destroy-media";

    /** Enregistrer la preuve de destruction (service task). */
    public static final String RECORD_DESTRUCTION = "record-destruction";

    /** Preuve incomplète (boundary event). */
    public static final String DESTRUCTION_PROOF_INCOMPLETE = "destruction-proof-incomplete";

    /** Passer à effacé (service task). */
    public static final String MARK_SANITIZED = "mark-sanitized";

    /** Évaluer l'équipement (service task). */
    public static final String ASSESS_ASSET = "assess-asset";

    /** Déterminer l'orientation (business rule task). */
    public static final String DECIDE_ROUTE = "decide-route";

    /** Arbitrage nécessaire ? (exclusive gateway). */
    public static final String REVIEW_GATEWAY = "review-gateway";

    /** Passer en orientation à arbitrer (service task). */
    public static final String MARK_AWAITING_ROUTE = "mark-awaiting-route";

    /** Arbitrer l'orientation (user task). */
    public static final String ARBITRATE_ROUTE = "arbitrate-route";

    /** Enregistrer l'orientation (service task). */
    public static final String RECORD_ROUTE = "record-route";

    /** Orientation ? (exclusive gateway). */
    public static final String ROUTE_GATEWAY = "route-gateway";

    /** Céder gratuitement (don) (embedded sub-process). */
    public static final String DONATION = "donation";

    /** Don décidé (start event). */
    public static final String DONATION_STARTED = "donation-started";

    /** Passer en don en cours (service task). */
    public static final String MARK_DONATION_PENDING = "mark-donation-pending";

    /** Rechercher un bénéficiaire (service task). */
    public static final String MATCH_BENEFICIARY = "match-beneficiary";

    /** Aucun bénéficiaire (boundary event). */
    public static final String NO_BENEFICIARY_AVAILABLE = "no-beneficiary-available";

    /** Compter les recherches infructueuses (script task). */
    public static final String COUNT_BENEFICIARY_SEARCH = "count-beneficiary-search";

    /** Nouvel essai ? (exclusive gateway). */
    public static final String BENEFICIARY_RETRY_GATEWAY = "beneficiary-retry-gateway";

    /** Attendre 7 jours (intermediate catch event). */
    public static final String WAIT_FOR_DONATION_REQUEST = "wait-for-donation-request";

    /** Aucun bénéficiaire trouvé (end event). */
    public static final String NO_BENEFICIARY_FOUND = "no-beneficiary-found";

    /** Approuver la cession gratuite (user task). */
    public static final String APPROVE_DONATION = "approve-donation";

    /** Cession approuvée ? (exclusive gateway). */
    public static final String DONATION_APPROVAL_GATEWAY = "donation-approval-gateway";

    /** Cession refusée (end event). */
    public static final String DONATION_REFUSED = "donation-refused";

    /** Établir la convention de cession (service task). */
    public static final String PREPARE_DONATION_AGREEMENT = "prepare-donation-agreement";

    /** Demande close (boundary event). */
    public static final String DONATION_REQUEST_CLOSED = "donation-request-closed";

    /** Remettre l'équipement (user task). */
    public static final String HAND_OVER_EQUIPMENT = "hand-over-equipment";

    /** Enregistrer la remise (service task). */
    public static final String RECORD_HANDOVER = "record-handover";

    /** Remise refusée (boundary event): back to {@link #HAND_OVER_EQUIPMENT}. */
    public static final String HANDOVER_REFUSED = "handover-refused";

    /** Passer à donné (service task). */
    public static final String MARK_DONATED = "mark-donated";

    /** Équipement donné (end event). */
    public static final String DONATION_COMPLETED = "donation-completed";

    /** Don non autorisé (boundary event). */
    public static final String DONATION_NOT_ELIGIBLE = "donation-not-eligible";

    /** Don abandonné (boundary event). */
    public static final String DONATION_ABANDONED = "donation-abandoned";

    /** Donner une seconde vie (réemploi interne ou reconditionnement) (embedded sub-process). */
    public static final String RECONDITIONING = "reconditioning";

    /** Seconde vie décidée (start event). */
    public static final String RECONDITIONING_STARTED = "reconditioning-started";

    /** Passer en reconditionnement (service task). */
    public static final String MARK_RECONDITIONING = "mark-reconditioning";

    /** Commander la remise en état (service task). */
    public static final String CREATE_RECONDITIONING_ORDER = "create-reconditioning-order";

    /** Aucun reconditionneur (boundary event). */
    public static final String NO_RECONDITIONER_AVAILABLE = "no-reconditioner-available";

    /** Seconde vie impossible (end event). */
    public static final String NO_RECONDITIONER = "no-reconditioner";

    /** Attendre la fin de la remise en état (receive task). */
    public static final String WAIT_FOR_RECONDITIONING = "wait-for-reconditioning";

    /** Remise en état en retard (boundary event). */
    public static final String RECONDITIONING_REMINDER = "reconditioning-reminder";

    /** Relancer le reconditionneur (service task). */
    public static final String SEND_RECONDITIONING_REMINDER = "send-reconditioning-reminder";

    /** Relance envoyée (end event). */
    public static final String RECONDITIONING_REMINDER_SENT = "reconditioning-reminder-sent";

    /** Remis en état ? (exclusive gateway). */
    public static final String RECONDITIONING_RESULT_GATEWAY = "reconditioning-result-gateway";

    /** Irréparable (end event). */
    public static final String RECONDITIONING_FAILED = "reconditioning-failed";

    /** Remettre en stock (service task). */
    public static final String MARK_IN_STOCK = "mark-in-stock";

    /** Seconde vie assurée (end event). */
    public static final String RECONDITIONING_COMPLETED = "reconditioning-completed";

    /** Seconde vie abandonnée (boundary event). */
    public static final String RECONDITIONING_ABANDONED = "reconditioning-abandoned";

    /** Choisir l'orientation de repli (script task). */
    public static final String CHOOSE_FALLBACK_ROUTE = "choose-fallback-route";

    /** Passer en recyclage (service task). */
    public static final String MARK_RECYCLING_PENDING = "mark-recycling-pending";

    /** Ajouter au lot de démantèlement (service task). */
    public static final String ADD_TO_DISMANTLING_LOT = "add-to-dismantling-lot";

    /** Attendre le démantèlement du lot (receive task). */
    public static final String WAIT_FOR_DISMANTLING = "wait-for-dismantling";

    /** Passer à recyclé (service task). */
    public static final String MARK_RECYCLED = "mark-recycled";

    /** Enregistrer le résultat pour les indicateurs (service task). */
    public static final String RECORD_OUTCOME = "record-outcome";

    /** Fin de vie traitée (end event). */
    public static final String ASSET_PROCESSED = "asset-processed";

    private Elements() {}
  }

  /** Job types of the service tasks; the in/out variables are those of docs/processes.md. */
  public static final class JobTypes {

    /**
     * Moves the asset to the status of header {@link Headers#TARGET_STATUS} (no-op when already
     * there) and appends to the chain of custody. In: {@code assetId}. Out: {@code asset}. Errors:
     * {@link ErrorCodes#ASSET_NOT_FOUND}, {@link ErrorCodes#ASSET_NOT_RETIRABLE} (caught at {@link
     * Elements#MARK_DECOMMISSIONING} only; elsewhere they raise an incident).
     */
    public static final String UPDATE_STATUS = "inventory.update-status";

    /** Sends the reminder of header {@link Headers#REMINDER}. */
    public static final String SEND_REMINDER = Reminders.JOB_TYPE;

    /**
     * Records the inspection: condition grade, functional state, battery health, the storage
     * devices by serial number and the ANSSI preparation checklist. In: {@code assetId}, {@code
     * inspection}, {@code storageDevices}. Out: nothing.
     */
    public static final String RECORD_INSPECTION = "inventory.record-inspection";

    /**
     * Required sanitization level per storage device. In: {@code assetId}, {@code asset}, {@code
     * storageDevices}. Out: {@code sanitizationPlan}, {@code sanitizationRequired} and, when there
     * is no storage, {@code sanitizationOutcome = NO_STORAGE}.
     */
    public static final String PLAN_SANITIZATION = "sanitization.plan";

    /**
     * Checks the wipe report against the plan and stores one certificate per drive. In: {@code
     * assetId}, {@code sanitizationPlan}, {@code wipeReport}, {@code wipeReportSource}. Out: {@code
     * sanitizationOutcome = PASSED}. Error: {@link ErrorCodes#SANITIZATION_FAILED} with {@code
     * failedDrives} and {@code sanitizationFailures}.
     */
    public static final String RECORD_CERTIFICATE = "sanitization.record-certificate";

    /**
     * Stores the destruction proof. In: {@code assetId}, {@code failedDrives}, {@code
     * mediaDestruction}. Out: {@code sanitizationOutcome = MEDIA_DESTROYED}. Error: {@link
     * ErrorCodes#DESTRUCTION_PROOF_INCOMPLETE} with {@link Variables#TASK_REFUSAL}.
     */
    public static final String RECORD_DESTRUCTION = "sanitization.record-destruction";

    /** Facts for the decision. In: {@code assetId}, {@code inspection}. Out: {@code assessment}. */
    public static final String ASSESS_ASSET = "routing.assess-asset";

    /**
     * Records the route in the inventory and the chain of custody. In: {@code assetId}, {@code
     * route}, {@code routeReason}, {@code routeArbitrated}. Out: nothing.
     */
    public static final String RECORD_ROUTE = "routing.record-route";

    /**
     * Proposes an open request of an eligible association and checks the law. In: {@code assetId},
     * {@code asset}, {@code assessment}, {@code sanitizationOutcome}. Out: {@code donation}, {@code
     * legalCheck}. Errors: {@link ErrorCodes#NO_BENEFICIARY_AVAILABLE}, {@link
     * ErrorCodes#DONATION_NOT_ELIGIBLE}.
     */
    public static final String MATCH_BENEFICIARY = "donation.match-beneficiary";

    /**
     * Allocates the asset to the request and generates the transfer agreement (PDF). In: {@code
     * assetId}, {@code donation}, {@code donationApproval}. Out: {@code donationAgreement}. Error:
     * {@link ErrorCodes#DONATION_REQUEST_CLOSED}.
     */
    public static final String PREPARE_AGREEMENT = "donation.prepare-agreement";

    /**
     * Records the signed handover (transfer of custody). In: {@code assetId}, {@code donation},
     * {@code donationAgreement}, {@code handover}. Out: nothing. Error: {@link
     * ErrorCodes#HANDOVER_REFUSED} with {@link Variables#TASK_REFUSAL}.
     */
    public static final String RECORD_HANDOVER = "donation.record-handover";

    /**
     * Orders the refurbishment: internal workshop for {@code INTERNAL_REUSE}, a referenced supplier
     * for {@code RECONDITION}. In: {@code assetId}, {@code route}, {@code inspection}. Out: {@code
     * reconditioningOrder}. Error: {@link ErrorCodes#NO_RECONDITIONER_AVAILABLE}.
     */
    public static final String CREATE_RECONDITIONING_ORDER = "reconditioning.create-order";

    /**
     * Puts the asset in the open lot of the adapted company, opening a lot and starting {@link
     * DismantlingLotProcess} when none is open. In: {@code assetId}, {@code asset}. Out: {@code
     * dismantlingLotId}.
     */
    public static final String ADD_TO_LOT = "dismantling.add-to-lot";

    /**
     * Records the outcome for the indicators. In: {@code assetId}, {@code campaignId}, {@code
     * outcome}, {@code route}, {@code routeReason}, {@code routeArbitrated}, {@code
     * sanitizationOutcome} and, when present, {@code reconditioningReport} (lifetime extension),
     * {@code handover}, {@code dismantling}. Out: nothing.
     */
    public static final String RECORD_OUTCOME = "indicators.record-outcome";

    private JobTypes() {}
  }

  /** Task headers (static configuration of a job). */
  public static final class Headers {

    /** On {@code inventory.update-status}: the status to move to, one of {@link TargetStatuses}. */
    public static final String TARGET_STATUS = "targetStatus";

    /** On {@code notification.send-reminder}: one of {@link Reminders}. */
    public static final String REMINDER = Reminders.HEADER;

    private Headers() {}
  }

  /** Values of header {@link Headers#TARGET_STATUS}: names of the inventory's asset statuses. */
  public static final class TargetStatuses {

    public static final String DECOMMISSIONING = "DECOMMISSIONING";
    public static final String SANITIZING = "SANITIZING";
    public static final String MEDIA_DESTRUCTION = "MEDIA_DESTRUCTION";
    public static final String SANITIZED = "SANITIZED";
    public static final String AWAITING_ROUTE = "AWAITING_ROUTE";
    public static final String DONATION_PENDING = "DONATION_PENDING";
    public static final String DONATED = "DONATED";
    public static final String RECONDITIONING = "RECONDITIONING";
    public static final String IN_STOCK = "IN_STOCK";
    public static final String RECYCLING_PENDING = "RECYCLING_PENDING";
    public static final String RECYCLED = "RECYCLED";

    private TargetStatuses() {}
  }

  /** Messages, all correlated by {@code string(assetId)}. */
  public static final class Messages {

    /**
     * The wipe tool's report arrived (REST intake). Variables: {@code wipeReport}. Publish with a
     * time to live (the report may precede the wait) and the report id as message id.
     */
    public static final String SANITIZATION_REPORTED = "SanitizationReported";

    /**
     * The refurbishment is over. Variables: {@code reconditioningResult} ({@link
     * ReconditioningResults}), {@code reconditioningReport}.
     */
    public static final String RECONDITIONING_COMPLETED = "ReconditioningCompleted";

    /**
     * The asset's lot was dismantled; published by {@code dismantling.publish-completion}.
     * Variables: {@code dismantling}.
     */
    public static final String DISMANTLING_COMPLETED = "DismantlingCompleted";

    private Messages() {}
  }

  /** BPMN error codes. */
  public static final class ErrorCodes {

    /** {@code inventory.update-status}: no asset with this id. */
    public static final String ASSET_NOT_FOUND = "ASSET_NOT_FOUND";

    /** {@code inventory.update-status}: the asset's status does not allow decommissioning. */
    public static final String ASSET_NOT_RETIRABLE = "ASSET_NOT_RETIRABLE";

    /** {@code sanitization.record-certificate}: a drive is not covered or not wiped well enough. */
    public static final String SANITIZATION_FAILED = "SANITIZATION_FAILED";

    /**
     * {@code sanitization.record-destruction}: a failed drive has no destruction proof; variable
     * {@link Variables#TASK_REFUSAL}, back to {@code destroy-media}.
     */
    public static final String DESTRUCTION_PROOF_INCOMPLETE = "DESTRUCTION_PROOF_INCOMPLETE";

    /** {@code donation.match-beneficiary}: no open request; retried every 7 days. */
    public static final String NO_BENEFICIARY_AVAILABLE = "NO_BENEFICIARY_AVAILABLE";

    /**
     * {@code donation.match-beneficiary}: the law forbids this donation; caught on the sub-process.
     */
    public static final String DONATION_NOT_ELIGIBLE = "DONATION_NOT_ELIGIBLE";

    /** {@code donation.prepare-agreement}: the request closed meanwhile; new search. */
    public static final String DONATION_REQUEST_CLOSED = "DONATION_REQUEST_CLOSED";

    /**
     * {@code donation.record-handover}: the handover typed by the technician is refused (date
     * before the agreement or in the future, missing value); variable {@link
     * Variables#TASK_REFUSAL}, back to {@code hand-over-equipment}. Nothing is recorded.
     */
    public static final String HANDOVER_REFUSED = "HANDOVER_REFUSED";

    /**
     * Thrown by the model (error end events) when the donation is given up; triggers the fallback.
     */
    public static final String DONATION_ABANDONED = "DONATION_ABANDONED";

    /** {@code reconditioning.create-order}: no workshop or supplier takes the asset. */
    public static final String NO_RECONDITIONER_AVAILABLE = "NO_RECONDITIONER_AVAILABLE";

    /** Thrown by the model (error end events) when the second life is given up: recycling. */
    public static final String RECONDITIONING_ABANDONED = "RECONDITIONING_ABANDONED";

    private ErrorCodes() {}
  }

  /** Process variables (top level; their fields are described in docs/processes.md). */
  public static final class Variables {

    public static final String ASSET_ID = "assetId";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String ASSET = "asset";
    public static final String INVENTORY_ISSUE = "inventoryIssue";
    public static final String INVENTORY_ISSUE_DETAIL = "inventoryIssueDetail";
    public static final String REGULARIZATION = "regularization";
    public static final String REGULARIZATION_COMMENT = "regularizationComment";
    public static final String INSPECTION = "inspection";
    public static final String STORAGE_DEVICES = "storageDevices";
    public static final String SANITIZATION_PLAN = "sanitizationPlan";
    public static final String SANITIZATION_REQUIRED = "sanitizationRequired";
    public static final String SANITIZATION_OUTCOME = "sanitizationOutcome";
    public static final String WIPE_REPORT = "wipeReport";
    public static final String WIPE_REPORT_SOURCE = "wipeReportSource";
    public static final String FAILED_DRIVES = "failedDrives";
    public static final String SANITIZATION_FAILURES = "sanitizationFailures";
    public static final String MEDIA_DESTRUCTION = "mediaDestruction";

    /** Local to {@code destroy-media}: the failed drives, prefilled in the form's list. */
    public static final String DESTROYED_MEDIA = "destroyedMedia";

    public static final String ASSESSMENT = "assessment";
    public static final String ROUTE_DECISION = "routeDecision";
    public static final String ROUTE = "route";
    public static final String ROUTE_REASON = "routeReason";
    public static final String ROUTE_ARBITRATED = "routeArbitrated";
    public static final String BENEFICIARY_SEARCH_FAILURES = "beneficiarySearchFailures";
    public static final String DONATION = "donation";
    public static final String LEGAL_CHECK = "legalCheck";
    public static final String DONATION_APPROVAL = "donationApproval";
    public static final String DONATION_AGREEMENT = "donationAgreement";
    public static final String HANDOVER = "handover";
    public static final String RECONDITIONING_ORDER = "reconditioningOrder";
    public static final String RECONDITIONING_RESULT = "reconditioningResult";
    public static final String RECONDITIONING_REPORT = "reconditioningReport";
    public static final String FALLBACK_ROUTE = "fallbackRoute";
    public static final String DISMANTLING_LOT_ID = "dismantlingLotId";
    public static final String DISMANTLING = "dismantling";
    public static final String OUTCOME = "outcome";

    /**
     * Why a worker refused what a person typed (French, one sentence per problem): set by the error
     * boundaries that send a user task back ({@code destruction-proof-incomplete}, {@code
     * handover-refused}), shown at the top of the task's form, cleared (null) when the task is
     * completed again.
     */
    public static final String TASK_REFUSAL = "taskRefusal";

    /**
     * Who completed the last user task in the inbox ({@code fr.secondevie.common.CompletedBy}),
     * mapped out of every user task, cleared by the worker that follows it.
     */
    public static final String COMPLETED_BY = "completedBy";

    private Variables() {}
  }

  /** Values of {@link Variables#SANITIZATION_OUTCOME}. */
  public static final class SanitizationOutcomes {

    /** Every drive has a passing certificate. */
    public static final String PASSED = "PASSED";

    /** The asset has no storage device (monitor…). */
    public static final String NO_STORAGE = "NO_STORAGE";

    /** A wipe failed and the failed media were physically destroyed with proof. */
    public static final String MEDIA_DESTROYED = "MEDIA_DESTROYED";

    private SanitizationOutcomes() {}
  }

  /** Values of {@link Variables#WIPE_REPORT_SOURCE}. */
  public static final class WipeReportSources {

    /** Message {@code SanitizationReported} from the wipe tool's intake. */
    public static final String TOOL = "TOOL";

    /** Typed in by a technician after the timeout. */
    public static final String MANUAL = "MANUAL";

    private WipeReportSources() {}
  }

  /** Values of {@link Variables#REGULARIZATION} (form {@code regularize-inventory}). */
  public static final class Regularizations {

    public static final String RETRY = "RETRY";
    public static final String WITHDRAW = "WITHDRAW";

    private Regularizations() {}
  }

  /**
   * Values of {@link Variables#RECONDITIONING_RESULT} (message {@code ReconditioningCompleted}).
   */
  public static final class ReconditioningResults {

    public static final String RECONDITIONED = "RECONDITIONED";
    public static final String BEYOND_REPAIR = "BEYOND_REPAIR";

    private ReconditioningResults() {}
  }

  /** Values of {@link Variables#OUTCOME}: the route carried out, or withdrawal. */
  public static final class Outcomes {

    public static final String INTERNAL_REUSE = AssetRouteDecision.Routes.INTERNAL_REUSE;
    public static final String DONATION = AssetRouteDecision.Routes.DONATION;
    public static final String RECONDITION = AssetRouteDecision.Routes.RECONDITION;
    public static final String RECYCLE = AssetRouteDecision.Routes.RECYCLE;

    /** Withdrawn from the procedure at inventory regularization. */
    public static final String WITHDRAWN = "WITHDRAWN";

    private Outcomes() {}
  }

  /** Form ids (files {@code forms/<id>.form}) of the user tasks. */
  public static final class Forms {

    public static final String REGULARIZE_INVENTORY = "regularize-inventory";
    public static final String COLLECT_ASSET = "collect-asset";
    public static final String ENTER_WIPE_REPORT = "enter-wipe-report";
    public static final String DESTROY_MEDIA = "destroy-media";
    public static final String ARBITRATE_ROUTE = "arbitrate-route";
    public static final String APPROVE_DONATION = "approve-donation";
    public static final String HAND_OVER_EQUIPMENT = "hand-over-equipment";

    private Forms() {}
  }

  /** Timer values (ISO 8601). */
  public static final class Timers {

    /** Collection reminder, non-interrupting, every 3 days while the collection waits. */
    public static final String COLLECTION_REMINDER_CYCLE = "R/P3D";

    /** After 2 days without the tool's report, the report is typed in by hand. */
    public static final String SANITIZATION_REPORT_TIMEOUT = "P2D";

    /** Wait before searching a beneficiary again. */
    public static final String BENEFICIARY_RETRY_DELAY = "P7D";

    /** Reconditioning reminder, non-interrupting, every 14 days while the order is open. */
    public static final String RECONDITIONING_REMINDER_CYCLE = "R/P14D";

    private Timers() {}
  }

  private AssetEndOfLifeProcess() {}
}
