package fr.secondevie.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state of a first run in demo mode, for the walkthrough tests (over HTTP and in the browser):
 * empty registries and inventory (other test classes share the database), the DSI's workshop, the
 * demo registries, and the models deployed as the application deploys them at start (Camunda
 * Process Test purges the engine after each test).
 */
final class FirstEmbeddedRun {

  private FirstEmbeddedRun() {}

  static void prepare(JdbcTemplate jdbc, List<ApplicationRunner> runners, CamundaClient camunda)
      throws Exception {
    TestDatabase.asMaintenance(
        jdbc,
        "DELETE FROM donation",
        "DELETE FROM donation_request",
        "DELETE FROM donation_beneficiary",
        "DELETE FROM reconditioning_order",
        "DELETE FROM reconditioner",
        "DELETE FROM dismantling_lot_asset",
        "DELETE FROM dismantling_lot",
        "DELETE FROM adapted_company");
    TestDatabase.clean(jdbc);
    jdbc.update(
        "INSERT INTO reconditioner (name, channel, active, created_at, updated_at) VALUES ("
            + " 'Atelier de la DSI', 'INTERNAL_WORKSHOP', TRUE, UTC_TIMESTAMP(6),"
            + " UTC_TIMESTAMP(6))");
    for (ApplicationRunner runner : runners) {
      if (runner.getClass().getSimpleName().startsWith("Demo")) {
        runner.run(new DefaultApplicationArguments());
      }
    }
    Resource[] models =
        new PathMatchingResourcePatternResolver().getResources("classpath*:/models/*.*");
    DeployResourceCommandStep2 deployment = null;
    for (Resource model : models) {
      byte[] content = model.getContentAsByteArray();
      deployment =
          deployment == null
              ? camunda.newDeployResourceCommand().addResourceBytes(content, model.getFilename())
              : deployment.addResourceBytes(content, model.getFilename());
    }
    assertThat(deployment).as("models on the classpath").isNotNull();
    deployment.send().join();
  }
}
