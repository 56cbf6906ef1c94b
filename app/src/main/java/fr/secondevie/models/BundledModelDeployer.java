package fr.secondevie.models;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deploys the bundled models each time a Camunda client starts (the application's, or a process
 * test's), following {@link DeploymentPlan}: never over a newer model a process owner deployed.
 *
 * <p>When the cluster does not answer yet (it starts after the application, or is restarting), the
 * application starts all the same and deploys once the cluster answers, retrying with a growing
 * delay (1 s doubling up to {@code secondevie.models.retry-max-delay}, 1 min by default), one log
 * line per attempt. A model the cluster refuses still stops the start: that is a fault of the
 * build.
 */
@Component
class BundledModelDeployer implements CamundaClientLifecycleAware, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(BundledModelDeployer.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  /** Where the build packages the bundled models. */
  static final String DEFAULT_LOCATION = "classpath*:/models";

  private final boolean enabled;
  private final String location;
  private final Duration maxDelay;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bundled-models-retry");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean waiting = new AtomicBoolean();

  BundledModelDeployer(
      @Value("${camunda.client.deployment.enabled:true}") boolean enabled,
      @Value("${secondevie.models.location:classpath*:/models}") String location,
      @Value("${secondevie.models.retry-max-delay:PT1M}") Duration maxDelay) {
    this.enabled = enabled;
    this.location = location;
    this.maxDelay = maxDelay;
  }

  @Override
  public void onStart(CamundaClient client) {
    if (!enabled) {
      LOG.info("Bundled models not deployed (camunda.client.deployment.enabled=false)");
      return;
    }
    List<BundledModel> models = BundledModels.load(location);
    try {
      deploy(client, models);
    } catch (RuntimeException e) {
      if (!Unreachable.is(e)) {
        throw e;
      }
      waiting.set(true);
      retry(client, models, 1, FIRST_RETRY, e);
    }
  }

  /** True while the bundled models wait for a cluster that has not answered yet. */
  boolean waitingForTheCluster() {
    return waiting.get();
  }

  private void retry(
      CamundaClient client,
      List<BundledModel> models,
      int attempt,
      Duration delay,
      RuntimeException cause) {
    LOG.warn(
        "Camunda cluster not reachable (REST {}, gRPC {}): {}. Bundled models not deployed yet;"
            + " attempt {} in {} s. The application serves its pages meanwhile.",
        client.getConfiguration().getRestAddress(),
        client.getConfiguration().getGrpcAddress(),
        Unreachable.reason(cause),
        attempt + 1,
        delay.toSeconds());
    retries.schedule(
        () -> {
          try {
            deploy(client, models);
            waiting.set(false);
            LOG.info(
                "Camunda cluster reachable: bundled models in place after {} attempts",
                attempt + 1);
          } catch (RuntimeException e) {
            if (!Unreachable.is(e)) {
              waiting.set(false);
              LOG.error("Bundled models refused by the Camunda cluster", e);
              return;
            }
            Duration next = delay.multipliedBy(2);
            retry(client, models, attempt + 1, next.compareTo(maxDelay) > 0 ? maxDelay : next, e);
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    retries.shutdownNow();
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
