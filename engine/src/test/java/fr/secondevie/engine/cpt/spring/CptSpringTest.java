package fr.secondevie.engine.cpt.spring;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatDecision;
import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.engine.cpt.CptEngineSession;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.Deployment;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.client.CredentialsProvider;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Spring variant of Camunda Process Test ({@code @CamundaSpringProcessTest}) in REMOTE mode,
 * configured by {@code camunda.process-test.*} properties ({@code application-cpt.properties}): the
 * starter's {@code @Deployment} runs before every test (identical resources keep their version),
 * {@code @JobWorker}s work through CPT's client, and CPT's helpers and assertions drive the rest.
 * Checks https://docs.camunda.io/docs/apis-tools/testing/getting-started/.
 */
@SpringBootTest(
    classes = CptSpringTest.OnboardingApplication.class,
    properties = "spring.main.web-application-type=none")
@ActiveProfiles("cpt")
@CamundaSpringProcessTest
class CptSpringTest {

  @Autowired CamundaClient client;
  @Autowired ZeebeClient zeebeClient;
  @Autowired CamundaProcessTestContext processTestContext;

  @Test
  void shouldRunWithJobWorkersAndHelpers() {
    // when
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("onboarding")
            .latestVersion()
            .variables(Map.of("name", "Ada", "season", "Winter"))
            .send()
            .join();

    // then the @JobWorker greeted, and the task waits for HR
    assertThat(instance).hasCompletedElements("greet").hasVariable("greeting", "Hello Ada");
    assertThatUserTask(UserTaskSelectors.byElementId("approve"))
        .isCreated()
        .hasCandidateGroup("hr");

    // when
    processTestContext.completeUserTask("approve", Map.of("approved", true));

    // then
    assertThatDecision(DecisionSelectors.byId("dish")).isEvaluated().hasOutput("Roastbeef");
    assertThat(instance).hasActiveElements("wait-hour").hasVariable("meal", "Roastbeef");

    // when
    processTestContext.increaseTime(Duration.ofHours(1));
    processTestContext.completeJob("spring.notify");

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            "started", "greet", "approve", "choose-meal", "wait-hour", "notify", "onboarded");
  }

  @Test
  void shouldRedeployIdenticallyAndServeTheLegacyClient() {
    // given a mocked worker instead of completing the job by hand
    processTestContext.mockJobWorker("spring.notify").thenComplete(Map.of("notified", true));

    // the legacy ZeebeClient that CPT builds cannot carry credentials (the 8.8 ZeebeClient has no
    // basic auth): our engine, which requires them, refuses it (not so -Pcamunda-docker's Camunda)
    boolean ownEngine = CptEngineSession.engine() != null;
    if (ownEngine) {
      assertThatThrownBy(() -> zeebeClient.newTopologyRequest().send().join(10, TimeUnit.SECONDS))
          .isInstanceOf(ClientStatusException.class)
          .satisfies(
              e ->
                  assertThat(((ClientStatusException) e).getStatusCode())
                      .isEqualTo(Code.UNAUTHENTICATED));
    }

    // when an instance is created with a legacy ZeebeClient (gRPC) sending the credentials
    long key;
    try (ZeebeClient withCredentials = ownEngine ? legacyClientWithCredentials() : null) {
      key =
          (ownEngine ? withCredentials : zeebeClient)
              .newCreateInstanceCommand()
              .bpmnProcessId("onboarding")
              .latestVersion()
              .variables(Map.of("name", "Grace", "season", "Summer"))
              .send()
              .join()
              .getProcessInstanceKey();
    }
    processTestContext.completeUserTask("approve");
    processTestContext.increaseTime(Duration.ofHours(1));

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(key))
        .isCompleted()
        .hasVariables(Map.of("greeting", "Hello Grace", "meal", "Salad", "notified", true));
    // @Deployment ran again for this test: the purge removed the first, so this is version 1
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId("onboarding"))
                .send()
                .join()
                .items())
        .singleElement()
        .satisfies(d -> assertThat(d.getVersion()).isEqualTo(1));
  }

  private static ZeebeClient legacyClientWithCredentials() {
    Properties properties = CptEngineSession.runtimeProperties();
    String authorization = CptEngineSession.CREDENTIALS.authorizationHeader();
    return ZeebeClient.newClientBuilder()
        .grpcAddress(URI.create(properties.getProperty("remote.client.grpcAddress")))
        .restAddress(URI.create(properties.getProperty("remote.client.restAddress")))
        .usePlaintext()
        .credentialsProvider(
            new CredentialsProvider() {
              @Override
              public void applyCredentials(CredentialsApplier applier) {
                applier.put("Authorization", authorization);
              }

              @Override
              public boolean shouldRetryRequest(StatusCode statusCode) {
                return false;
              }
            })
        .build();
  }

  @SpringBootApplication
  @Deployment(
      resources = {
        "classpath:cpt/onboarding.bpmn",
        "classpath:fixtures/review.form",
        "classpath:fixtures/dish.dmn"
      })
  static class OnboardingApplication {

    @Bean
    GreetingWorker greetingWorker() {
      return new GreetingWorker();
    }
  }

  /** The application's worker, run by the starter with CPT's client. */
  public static class GreetingWorker {

    @JobWorker(type = "spring.greet")
    public Map<String, Object> greet(@Variable String name) {
      return Map.of("greeting", "Hello " + name);
    }
  }
}
