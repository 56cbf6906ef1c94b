package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * P3 {@code dismantling-lot} — Lot de démantèlement (entreprise adaptée) ({@code
 * bpmn/dismantling-lot.bpmn}).
 *
 * <p>Started by {@code dismantling.add-to-lot} when it opens a lot, with {@link Variables#LOT_ID}
 * and {@link Variables#ADAPTED_COMPANY_ID}. The lot closes on size ({@link
 * Messages#DISMANTLING_LOT_FULL}) or after 30 days (event-based gateway); the order is sent, the
 * pickup confirmed (weight, waste tracking number), the recycling certificate and EA attestation
 * entered, then {@link AssetEndOfLifeProcess.Messages#DISMANTLING_COMPLETED} is published for every
 * asset of the lot.
 */
@NamedInterface("api")
public final class DismantlingLotProcess {

  /** BPMN process id. */
  public static final String PROCESS_ID = "dismantling-lot";

  /** Model file name under {@code bpmn/} (and under {@code models/} on the classpath). */
  public static final String RESOURCE = "dismantling-lot.bpmn";

  /** Ids of the named flow nodes. */
  public static final class Elements {

    /** Lot ouvert (start event). */
    public static final String LOT_OPENED = "lot-opened";

    /** Clôture du lot (event-based gateway). */
    public static final String LOT_CLOSING_GATEWAY = "lot-closing-gateway";

    /** Lot complet (intermediate catch event). */
    public static final String LOT_FULL = "lot-full";

    /** 30 jours écoulés (intermediate catch event). */
    public static final String LOT_MAX_DURATION = "lot-max-duration";

    /** Clore le lot (service task). */
    public static final String CLOSE_LOT = "close-lot";

    /** Envoyer le bon d'enlèvement (service task). */
    public static final String SEND_DISMANTLING_ORDER = "send-dismantling-order";

    /** Confirmer l'enlèvement (user task). */
    public static final String CONFIRM_PICKUP = "confirm-pickup";

    /** Enlèvement en attente (boundary event). */
    public static final String PICKUP_REMINDER = "pickup-reminder";

    /** Relancer l'entreprise adaptée (service task). */
    public static final String SEND_PICKUP_REMINDER = "send-pickup-reminder";

    /** Relance envoyée (end event). */
    public static final String PICKUP_REMINDER_SENT = "pickup-reminder-sent";

    /** Enregistrer l'enlèvement (service task). */
    public static final String RECORD_PICKUP = "record-pickup";

    /** Enlèvement refusé (boundary event): back to {@link #CONFIRM_PICKUP}. */
    public static final String PICKUP_REFUSED = "pickup-refused";

    /** Enregistrer l'attestation (user task). */
    public static final String ENTER_ATTESTATION = "enter-attestation";

    /** Attestation en attente (boundary event). */
    public static final String ATTESTATION_REMINDER = "attestation-reminder";

    /** Réclamer l'attestation (service task). */
    public static final String SEND_ATTESTATION_REMINDER = "send-attestation-reminder";

    /** Relance envoyée (end event). */
    public static final String ATTESTATION_REMINDER_SENT = "attestation-reminder-sent";

    /** Enregistrer les justificatifs du lot (service task). */
    public static final String RECORD_ATTESTATION = "record-attestation";

    /** Attestation refusée (boundary event): back to {@link #ENTER_ATTESTATION}. */
    public static final String ATTESTATION_REFUSED = "attestation-refused";

    /** Notifier chaque équipement du lot (service task). */
    public static final String PUBLISH_DISMANTLING_COMPLETED = "publish-dismantling-completed";

    /** Lot traité (end event). */
    public static final String LOT_COMPLETED = "lot-completed";

    private Elements() {}
  }

  /** Job types of the service tasks. */
  public static final class JobTypes {

    /** Stops the lot accepting assets. In: {@code lotId}. Out: {@code lotAssetCount}. */
    public static final String CLOSE_LOT = "dismantling.close-lot";

    /**
     * Generates the order (PDF) and e-mails it to the adapted company. In: {@code lotId}, {@code
     * adaptedCompanyId}. Out: {@code dismantlingOrder}.
     */
    public static final String SEND_ORDER = "dismantling.send-order";

    /**
     * Records weight, waste tracking number and the transfer of custody of every asset. In: {@code
     * lotId}, {@code pickup}. Out: nothing. Error: {@link ErrorCodes#PICKUP_REFUSED} with {@link
     * Variables#TASK_REFUSAL}.
     */
    public static final String RECORD_PICKUP = "dismantling.record-pickup";

    /**
     * Stores the recycling certificate and the EA attestation (labour cost). In: {@code lotId},
     * {@code attestation}. Out: nothing. Error: {@link ErrorCodes#ATTESTATION_REFUSED} with {@link
     * Variables#TASK_REFUSAL}.
     */
    public static final String RECORD_ATTESTATION = "dismantling.record-attestation";

    /**
     * Publishes {@code DismantlingCompleted} (key {@code assetId}) for every asset of the lot. In:
     * {@code lotId}, {@code pickup}, {@code attestation}. Out: {@code completedAssetCount}.
     */
    public static final String PUBLISH_COMPLETION = "dismantling.publish-completion";

    /** Sends the reminder of header {@link Headers#REMINDER}. */
    public static final String SEND_REMINDER = Reminders.JOB_TYPE;

    private JobTypes() {}
  }

  /** Task headers. */
  public static final class Headers {

    /** On {@code notification.send-reminder}: one of {@link Reminders}. */
    public static final String REMINDER = Reminders.HEADER;

    private Headers() {}
  }

  /** Messages. */
  public static final class Messages {

    /**
     * The lot reached its size; published by {@code dismantling.add-to-lot}, correlated by {@code
     * string(lotId)}, with a time to live of at least the lot's 30 days.
     */
    public static final String DISMANTLING_LOT_FULL = "DismantlingLotFull";

    private Messages() {}
  }

  /**
   * BPMN error codes: a worker refuses what a person typed, nothing is recorded and the task comes
   * back with {@link Variables#TASK_REFUSAL}.
   */
  public static final class ErrorCodes {

    /**
     * {@code dismantling.record-pickup}: pickup date before the lot's closing or in the future,
     * unit count, weight or waste tracking number refused; back to {@code confirm-pickup}.
     */
    public static final String PICKUP_REFUSED = "PICKUP_REFUSED";

    /**
     * {@code dismantling.record-attestation}: labour cost above the invoice, certificate dated
     * before the pickup or in the future, missing reference…; back to {@code enter-attestation}.
     */
    public static final String ATTESTATION_REFUSED = "ATTESTATION_REFUSED";

    private ErrorCodes() {}
  }

  /** Process variables. */
  public static final class Variables {

    public static final String LOT_ID = "lotId";
    public static final String ADAPTED_COMPANY_ID = "adaptedCompanyId";
    public static final String LOT_ASSET_COUNT = "lotAssetCount";
    public static final String DISMANTLING_ORDER = "dismantlingOrder";
    public static final String PICKUP = "pickup";
    public static final String ATTESTATION = "attestation";
    public static final String COMPLETED_ASSET_COUNT = "completedAssetCount";

    /**
     * Why a worker refused what a person typed (French, one sentence per problem): set by {@code
     * pickup-refused} and {@code attestation-refused}, shown at the top of the form, cleared (null)
     * when the task is completed again.
     */
    public static final String TASK_REFUSAL = AssetEndOfLifeProcess.Variables.TASK_REFUSAL;

    public static final String COMPLETED_BY = AssetEndOfLifeProcess.Variables.COMPLETED_BY;

    private Variables() {}
  }

  /** Form ids of the user tasks. */
  public static final class Forms {

    public static final String CONFIRM_PICKUP = "confirm-pickup";
    public static final String ENTER_ATTESTATION = "enter-attestation";

    private Forms() {}
  }

  /** Timer values (ISO 8601). */
  public static final class Timers {

    /** A lot that does not fill up closes after 30 days. */
    public static final String LOT_MAX_DURATION = "P30D";

    /** Pickup reminder, non-interrupting, every 7 days. */
    public static final String PICKUP_REMINDER_CYCLE = "R/P7D";

    /** Attestation reminder, non-interrupting, every 14 days. */
    public static final String ATTESTATION_REMINDER_CYCLE = "R/P14D";

    private Timers() {}
  }

  private DismantlingLotProcess() {}
}
