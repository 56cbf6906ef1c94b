package fr.secondevie.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's models on the shared test engine. Camunda Process Test purges the engine after
 * each of its tests; a process test class calls {@link #redeploy} when it is done, so that the test
 * classes after it find the engine as the application's startup left it.
 */
public final class EngineModels {

  private EngineModels() {}

  /**
   * Deploys every model and form packaged under {@code models/} with a client of its own, with the
   * application client's credentials.
   */
  public static void redeploy(Environment environment) {
    CamundaClientBuilder builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(environment.getRequiredProperty("camunda.client.grpc-address")))
            .restAddress(URI.create(environment.getRequiredProperty("camunda.client.rest-address")))
            .preferRestOverGrpc(false);
    if ("basic".equals(environment.getProperty("camunda.client.auth.method"))) {
      // the engine requires the credentials the application's client has
      builder.credentialsProvider(
          CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
              .username(environment.getRequiredProperty("camunda.client.auth.username"))
              .password(environment.getRequiredProperty("camunda.client.auth.password"))
              .build());
    }
    try (CamundaClient client = builder.build()) {
      Resource[] models =
          new PathMatchingResourcePatternResolver().getResources("classpath*:/models/*.*");
      DeployResourceCommandStep2 deploy = null;
      for (Resource model : models) {
        byte[] content = model.getContentAsByteArray();
        deploy =
            deploy == null
                ? client.newDeployResourceCommand().addResourceBytes(content, model.getFilename())
                : deploy.addResourceBytes(content, model.getFilename());
      }
      if (deploy != null) {
        deploy.send().join();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
