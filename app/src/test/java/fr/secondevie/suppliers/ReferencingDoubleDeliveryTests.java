package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.newProcessKey;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.notification.NotificationService;
import fr.secondevie.support.DoubleDelivery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The job workers of P4 that write, each given the same job twice at the same instant (two threads
 * released together): one supplier and one application, one questionnaire e-mail. Same context as
 * {@link ReferencingWorkersTests}.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class ReferencingDoubleDeliveryTests {

  @Autowired ReferencingWorkers workers;
  @Autowired NotificationService notifications;
  @Autowired ApplicationRepository applications;
  @Autowired SupplierRepository suppliers;
  @MockitoBean SupplierProcesses processes;

  /** The answers of the deliveries (a refused one is checked to be refused by the database). */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    return DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(call));
  }

  @Test
  void shouldRegisterTheCandidateOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    Candidate candidate = candidate("Atelier Double Envoi");
    long key = newProcessKey();

    // when
    List<Map<String, Object>> outputs =
        twiceAtOnce(() -> workers.registerCandidate(candidate, key));

    // then: the same application to both deliveries, one supplier, one application
    assertThat(outputs).containsOnly(outputs.get(0));
    Supplier supplier = suppliers.findBySiret(candidate.siret()).orElseThrow();
    assertThat(applications.findBySupplier(supplier.getId())).hasSize(1);
  }

  @Test
  void shouldSendOneQuestionnaireWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId =
        (Long)
            workers
                .registerCandidate(candidate("Questionnaire Double Envoi"), newProcessKey())
                .get(fr.secondevie.processes.SupplierReferencingProcess.Variables.APPLICATION_ID);
    long job = newProcessKey();

    // when
    List<Map<String, Object>> outputs =
        twiceAtOnce(() -> workers.sendQuestionnaire(applicationId, null, job));

    // then: the same answer to both deliveries, one e-mail with one link
    assertThat(outputs).containsOnly(outputs.get(0));
    assertThat(notifications.latest(10_000))
        .filteredOn(n -> n.operationId().startsWith("supplier-application:" + applicationId + ":"))
        .hasSize(1);
  }
}
