package fr.secondevie.engine.cpt.spring;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.exception.BpmnError;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring {@code @JobWorker} that throws {@link BpmnError}, as the workers of Camunda's example
 * project do: with every worker disabled but this one ({@code
 * camunda.client.worker.override.<type>.enabled}), the error reaches the engine through the
 * starter, is caught by the boundary event declaring its code, and the fallback user task goes to
 * its candidate group; a worker that returns normally takes the other path.
 */
@SpringBootTest(
    classes = CptSpringWorkerErrorTest.ArchiveApplication.class,
    properties = {
      "spring.main.web-application-type=none",
      "camunda.client.worker.defaults.enabled=false",
      "camunda.client.worker.override.cpt-archive.enabled=true"
    })
@ActiveProfiles("cpt")
@CamundaSpringProcessTest
class CptSpringWorkerErrorTest {

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired ArchiveWorker archiveWorker;

  @Test
  void shouldCatchTheBpmnErrorOfASpringWorkerAndHandTheInvoiceToItsGroup() {
    // given
    deployArchiving();
    processTestContext.mockJobWorker("cpt-book").thenComplete();

    // when the archive refuses the invoice
    ProcessInstanceEvent instance = start("INV-DOWN");

    // then
    assertThatUserTask(UserTaskSelectors.byElementId("archive-by-hand"))
        .isCreated()
        .hasCandidateGroup("records");
    assertThat(instance)
        .hasTerminatedElements("archive")
        .hasLocalVariable("archive-down", "archiveStatus", "offline");

    // when
    processTestContext.completeUserTask("archive-by-hand");

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            "received", "archive-down", "archive-by-hand", "book", "booked");
    assertThat(archiveWorker.invoices).containsExactly("INV-DOWN");
  }

  @Test
  void shouldTakeTheNormalPathWhenTheSpringWorkerReturns() {
    // given
    deployArchiving();
    processTestContext.mockJobWorker("cpt-book").thenComplete();

    // when
    ProcessInstanceEvent instance = start("INV-OK");

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder("received", "archive", "book", "booked")
        .hasNotActivatedElements("archive-down", "archive-by-hand")
        .hasVariable("archivedAs", "A-INV-OK");
  }

  private void deployArchiving() {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("spring-archiving")
                .startEvent("received")
                .serviceTask("archive", t -> t.zeebeJobType("cpt-archive"))
                .boundaryEvent("archive-down", b -> b.error("ARCHIVE_DOWN"))
                .userTask("archive-by-hand", u -> u.zeebeUserTask().zeebeCandidateGroups("records"))
                .serviceTask("book", t -> t.zeebeJobType("cpt-book"))
                .endEvent("booked")
                .moveToActivity("archive")
                .connectTo("book")
                .done(),
            "spring-archiving.bpmn")
        .send()
        .join();
  }

  private ProcessInstanceEvent start(String invoiceId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("spring-archiving")
        .latestVersion()
        .variables(Map.of("invoiceId", invoiceId))
        .send()
        .join();
  }

  @SpringBootApplication
  static class ArchiveApplication {

    @Bean
    ArchiveWorker archiveWorker() {
      return new ArchiveWorker();
    }
  }

  /** The application's worker: the archive is down for invoices whose id says so. */
  public static class ArchiveWorker {

    final List<String> invoices = new CopyOnWriteArrayList<>();

    @JobWorker(type = "cpt-archive")
    public Map<String, Object> archive(@Variable String invoiceId) {
      invoices.add(invoiceId);
      if (invoiceId.endsWith("DOWN")) {
        throw new BpmnError(
            "ARCHIVE_DOWN", "archive offline", Map.of("archiveStatus", "offline"), null);
      }
      return Map.of("archivedAs", "A-" + invoiceId);
    }
  }
}
