package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The process models and forms of the repository ({@code bpmn/}, {@code forms/}) deploy in one
 * deployment and run: the dismantling lot closes by its event-based gateway, on the message or
 * after 30 days. Checks https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/ and
 * https://docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/.
 */
class ProcessModelsTest extends ConformanceTest {

  private static final Path REPOSITORY = Path.of("..");

  @Test
  void shouldDeployEveryModelAndFormOfTheRepository() throws IOException {
    // given
    List<Path> resources = resources();
    assertThat(resources).hasSizeGreaterThanOrEqualTo(17);

    // when
    DeploymentEvent deployment = deployAll(resources);

    // then
    assertThat(deployment.getProcesses())
        .extracting(Process::getBpmnProcessId)
        .containsExactlyInAnyOrder(
            "asset-end-of-life",
            "dismantling-lot",
            "equipment-renewal-campaign",
            "indicators-annual-report",
            "reconditioned-purchase",
            "supplier-referencing");
    assertThat(deployment.getDecisions())
        .extracting(d -> d.getDmnDecisionId())
        .contains("asset-route", "supplier-maturity", "purchase-channel");
    assertThat(deployment.getForm()).hasSize(20);
  }

  @Test
  void shouldCloseDismantlingLotAfterThirtyDaysOrWhenFull() throws IOException {
    // given
    deployAll(resources());
    long expiring = start("dismantling-lot", Map.of("lotId", 901)).getProcessInstanceKey();
    long full = start("dismantling-lot", Map.of("lotId", 902)).getProcessInstanceKey();
    awaitElement(expiring, "lot-closing-gateway", "ACTIVE");
    awaitElement(full, "lot-closing-gateway", "ACTIVE");

    // when
    client
        .newPublishMessageCommand()
        .messageName("DismantlingLotFull")
        .correlationKey("902")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    ActivatedJob fullClosing = activateJob("dismantling.close-lot");
    client.newFailCommand(fullClosing.getKey()).retries(0).send().join(); // kept out of the way
    EngineExtension.CLOCK.add(Duration.ofDays(31));
    ActivatedJob expiredClosing = activateJob("dismantling.close-lot");

    // then
    assertThat(fullClosing.getProcessInstanceKey()).isEqualTo(full);
    assertThat(expiredClosing.getProcessInstanceKey()).isEqualTo(expiring);
    assertThat(elements(full, "COMPLETED")).contains("lot-full").doesNotContain("lot-max-duration");
    assertThat(elements(expiring, "COMPLETED")).contains("lot-max-duration");
    client.newCancelInstanceCommand(full).send().join();
    client.newCancelInstanceCommand(expiring).send().join();
  }

  @Test
  void shouldStartAssetProcessPerAssetAndReportCampaignProgressWeekly() throws IOException {
    // given
    deployAll(resources());
    long campaign =
        start("equipment-renewal-campaign", Map.of("campaignId", 31)).getProcessInstanceKey();

    // when the campaign opens with two assets
    completeJob("campaign.open", Map.of("assetIds", List.of(501, 502)));

    // then each asset gets its own asset-end-of-life instance, with only its assetId and campaign
    List<ActivatedJob> marks = activateJobs("inventory.update-status", 2);
    assertThat(marks).hasSize(2);
    assertThat(marks)
        .extracting(j -> j.getVariablesAsMap().get("assetId"))
        .containsExactlyInAnyOrder(501, 502);
    assertThat(marks.get(0).getVariablesAsMap())
        .containsEntry("campaignId", 31)
        .doesNotContainKey("assetIds");
    assertThat(marks.get(0).getCustomHeaders()).containsEntry("targetStatus", "DECOMMISSIONING");
    assertThat(CallActivityTest.children(campaign))
        .extracting(p -> p.bpmnProcessId())
        .containsOnly("asset-end-of-life");

    // when a week passes, the progress is reported while the assets are processed
    EngineExtension.CLOCK.add(Duration.ofDays(7).plusMinutes(1));
    completeJob("campaign.report-progress", Map.of());

    // then
    awaitElement(campaign, "progress-reported", "COMPLETED");
    assertThat(elements(campaign, "ACTIVE")).contains("process-assets");
    client.newCancelInstanceCommand(campaign).send().join();
    CallActivityTest.children(campaign).forEach(child -> awaitState(child.key(), "TERMINATED"));
  }

  private DeploymentEvent deployAll(List<Path> resources) {
    DeployResourceCommandStep2 command = null;
    for (Path resource : resources) {
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceFile(resource.toString())
              : command.addResourceFile(resource.toString());
    }
    return command.send().join();
  }

  private static List<Path> resources() throws IOException {
    try (Stream<Path> bpmn = Files.list(REPOSITORY.resolve("bpmn"));
        Stream<Path> forms = Files.list(REPOSITORY.resolve("forms"))) {
      return Stream.concat(bpmn, forms).filter(Files::isRegularFile).sorted().toList();
    }
  }
}
