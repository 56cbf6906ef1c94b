package fr.secondevie.models;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deploys the bundled models each time a Camunda client starts (the application's, or a process
 * test's), following {@link DeploymentPlan}: never over a newer model a process owner deployed.
 */
@Component
class BundledModelDeployer implements CamundaClientLifecycleAware {

  private static final Logger LOG = LoggerFactory.getLogger(BundledModelDeployer.class);

  private final boolean enabled;
  private final String location;

  BundledModelDeployer(
      @Value("${camunda.client.deployment.enabled:true}") boolean enabled,
      @Value("${secondevie.models.location:classpath*:/models}") String location) {
    this.enabled = enabled;
    this.location = location;
  }

  @Override
  public void onStart(CamundaClient client) {
    if (!enabled) {
      LOG.info("Bundled models not deployed (camunda.client.deployment.enabled=false)");
      return;
    }
    deploy(client, BundledModels.load(location));
  }

  /** Deploys what the plan says, in one deployment (all or nothing); returns the plan. */
  DeploymentPlan deploy(CamundaClient client, List<BundledModel> bundled) {
    DeploymentPlan plan = DeploymentPlan.of(bundled, RuntimeModels.versionTags(client, bundled));
    if (!plan.toDeploy().isEmpty()) {
      DeployResourceCommandStep2 command = null;
      for (BundledModel model : plan.toDeploy()) {
        command =
            command == null
                ? client
                    .newDeployResourceCommand()
                    .addResourceBytes(model.content(), model.resourceName())
                : command.addResourceBytes(model.content(), model.resourceName());
      }
      DeploymentEvent event = command.send().join();
      LOG.info("Bundled models deployed: deployment {}", event.getKey());
    }
    for (DeploymentPlan.Decision decision : plan.decisions()) {
      LOG.info(
          "Model {} ({}, bundled tag {}): {} — {}",
          decision.model().id(),
          decision.model().resourceName(),
          decision.model().versionTag(),
          decision.deploy() ? "bundled version deployed" : "runtime version kept",
          decision.reason());
    }
    return plan;
  }

  @Override
  public void onStop(CamundaClient client) {}
}
