package fr.secondevie.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.JobOperations;
import fr.secondevie.processes.RenewalCampaignProcess.JobTypes;
import fr.secondevie.processes.RenewalCampaignProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code campaign.open}, {@code campaign.report-progress}, {@code campaign.close}. */
@Component
public class CampaignWorkers {

  private final CampaignService campaigns;

  CampaignWorkers(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  /** In: {@code campaignId}. Out: {@code assetIds}. */
  @JobWorker(type = JobTypes.OPEN_CAMPAIGN)
  public Map<String, Object> open(@Variable(name = Variables.CAMPAIGN_ID) Long campaignId) {
    return Map.of(Variables.ASSET_IDS, campaigns.open(require(campaignId)));
  }

  /** In: {@code campaignId}. One e-mail per timer firing. */
  @JobWorker(type = JobTypes.REPORT_PROGRESS)
  public void reportProgress(
      ActivatedJob job, @Variable(name = Variables.CAMPAIGN_ID) Long campaignId) {
    campaigns.reportProgress(require(campaignId), JobOperations.operationId(job));
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CloseInput(Long campaignId, SummaryVariable campaignSummary) {}

  /** Variable {@code campaignSummary} (script task {@code summarize-campaign}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SummaryVariable(
      Integer assetCount,
      Integer internalReuse,
      Integer donation,
      Integer recondition,
      Integer recycle,
      Integer withdrawn,
      Integer reuseOriented) {}

  /** In: {@code campaignId}, {@code campaignSummary}. */
  @JobWorker(type = JobTypes.CLOSE_CAMPAIGN)
  public void close(@VariablesAsType CloseInput input) {
    SummaryVariable s = input.campaignSummary();
    if (s == null) {
      throw new IllegalArgumentException("Expected variable campaignSummary but it is missing");
    }
    campaigns.close(
        require(input.campaignId()),
        new Campaign.Summary(
            n(s.assetCount()),
            n(s.internalReuse()),
            n(s.donation()),
            n(s.recondition()),
            n(s.recycle()),
            n(s.withdrawn()),
            n(s.reuseOriented())));
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }

  private static long require(Long campaignId) {
    if (campaignId == null) {
      throw new IllegalArgumentException("Expected variable campaignId but it is missing");
    }
    return campaignId;
  }
}
