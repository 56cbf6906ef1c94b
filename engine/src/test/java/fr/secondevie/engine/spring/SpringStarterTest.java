package fr.secondevie.engine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.engine.EmbeddedEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.Deployment;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code @Deployment} and {@code @JobWorker} of {@code camunda-spring-boot-starter} against the
 * embedded engine over gRPC. Checks
 * https://docs.camunda.io/docs/apis-tools/camunda-spring-boot-starter/getting-started/.
 */
@SpringBootTest(
    classes = SpringStarterTest.ChargeApplication.class,
    properties = {
      "spring.main.web-application-type=none",
      "camunda.client.prefer-rest-over-grpc=false"
    })
class SpringStarterTest {

  private static final EmbeddedEngine ENGINE =
      EmbeddedEngine.builder().grpcPort(0).restPort(0).managementPort(0).build().start();

  @DynamicPropertySource
  static void camunda(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + ENGINE.grpcPort());
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + ENGINE.restPort());
  }

  @AfterAll
  static void stop() {
    ENGINE.close();
  }

  @Autowired CamundaClient client;

  @Test
  void shouldDeployAndRunJobWorkerThroughTheStarter() {
    // when the deployed process runs (the @JobWorker completes its job)
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("spring-charge")
            .latestVersion()
            .variables(Map.of("amount", 42))
            .withResult()
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .join();

    // then
    assertThat(result.getVariablesAsMap()).containsEntry("charged", 42).containsEntry("amount", 42);
  }

  @SpringBootApplication
  @Deployment(resources = "classpath:spring/charge.bpmn")
  static class ChargeApplication {

    @Bean
    ChargeWorker chargeWorker() {
      return new ChargeWorker();
    }
  }

  public static class ChargeWorker {

    @JobWorker(type = "spring.charge")
    public Map<String, Object> charge(@Variable int amount) {
      return Map.of("charged", amount);
    }
  }
}
