package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * P1 {@code equipment-renewal-campaign} — Campagne de renouvellement ({@code
 * bpmn/equipment-renewal-campaign.bpmn}).
 *
 * <p>Started with {@link Variables#CAMPAIGN_ID}. {@code campaign.open} returns the asset ids; a
 * parallel multi-instance call activity runs {@link AssetEndOfLifeProcess} once per asset, passing
 * only {@code assetId} and {@code campaignId} (no other variable crosses the call) and collecting
 * each child's {@code outcome} into {@link Variables#OUTCOMES}; a script task counts the outcomes
 * into {@link Variables#CAMPAIGN_SUMMARY}; {@code campaign.close} closes the campaign. A weekly
 * non-interrupting timer reports progress while assets are processed.
 */
@NamedInterface("api")
public final class RenewalCampaignProcess {

  /** BPMN process id. */
  public static final String PROCESS_ID = "equipment-renewal-campaign";

  /** Model file name under {@code bpmn/} (and under {@code models/} on the classpath). */
  public static final String RESOURCE = "equipment-renewal-campaign.bpmn";

  /** Ids of the named flow nodes. */
  public static final class Elements {

    /** Campagne lancée (start event). */
    public static final String CAMPAIGN_STARTED = "campaign-started";

    /** Ouvrir la campagne (service task). */
    public static final String OPEN_CAMPAIGN = "open-campaign";

    /** Traiter chaque équipement (call activity). */
    public static final String PROCESS_ASSETS = "process-assets";

    /** Chaque semaine (boundary event). */
    public static final String CAMPAIGN_PROGRESS_REPORT = "campaign-progress-report";

    /** Diffuser l'avancement de la campagne (service task). */
    public static final String REPORT_CAMPAIGN_PROGRESS = "report-campaign-progress";

    /** Avancement diffusé (end event). */
    public static final String PROGRESS_REPORTED = "progress-reported";

    /** Établir le bilan de la campagne (script task). */
    public static final String SUMMARIZE_CAMPAIGN = "summarize-campaign";

    /** Clôturer la campagne (service task). */
    public static final String CLOSE_CAMPAIGN = "close-campaign";

    /** Campagne clôturée (end event). */
    public static final String CAMPAIGN_CLOSED = "campaign-closed";

    private Elements() {}
  }

  /** Job types of the service tasks. */
  public static final class JobTypes {

    /**
     * Opens the campaign. In: {@code campaignId}. Out: {@code assetIds} (list of asset ids, the
     * multi-instance input collection).
     */
    public static final String OPEN_CAMPAIGN = "campaign.open";

    /** Sends the weekly progress report. In: {@code campaignId}. Out: nothing. */
    public static final String REPORT_PROGRESS = "campaign.report-progress";

    /**
     * Records the summary and closes the campaign. In: {@code campaignId}, {@code campaignSummary}.
     * Out: nothing.
     */
    public static final String CLOSE_CAMPAIGN = "campaign.close";

    private JobTypes() {}
  }

  /** Process variables. */
  public static final class Variables {

    /** Campaign id, set when the instance is created. */
    public static final String CAMPAIGN_ID = "campaignId";

    /** Ids of the campaign's assets, returned by {@code campaign.open}. */
    public static final String ASSET_IDS = "assetIds";

    /** Input element of the multi-instance: the asset id of one child instance. */
    public static final String ASSET_ID = "assetId";

    /** Output element of the multi-instance: the child's {@code outcome}. */
    public static final String OUTCOME = "outcome";

    /**
     * Output collection: one outcome per asset, in the order of {@link #ASSET_IDS} (values of
     * {@link AssetEndOfLifeProcess.Outcomes}).
     */
    public static final String OUTCOMES = "outcomes";

    /**
     * Counts computed by the script task: {@code assetCount, internalReuse, donation, recondition,
     * recycle, withdrawn, reuseOriented}.
     */
    public static final String CAMPAIGN_SUMMARY = "campaignSummary";

    private Variables() {}
  }

  /** Timer values. */
  public static final class Timers {

    /** Progress report while the assets are processed: every week. */
    public static final String PROGRESS_REPORT_CYCLE = "R/P7D";

    private Timers() {}
  }

  private RenewalCampaignProcess() {}
}
