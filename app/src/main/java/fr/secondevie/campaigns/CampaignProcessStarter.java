package fr.secondevie.campaigns;

import fr.secondevie.processes.RenewalCampaignProcess;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts P1 for a campaign through the Camunda client (latest deployed version). */
@Component
class CampaignProcessStarter {

  private final CamundaClient camunda;

  CampaignProcessStarter(CamundaClient camunda) {
    this.camunda = camunda;
  }

  /**
   * @return the process instance key
   * @throws RuntimeException the runtime refused or could not be reached
   */
  long start(long campaignId) {
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(RenewalCampaignProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(RenewalCampaignProcess.Variables.CAMPAIGN_ID, campaignId))
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
