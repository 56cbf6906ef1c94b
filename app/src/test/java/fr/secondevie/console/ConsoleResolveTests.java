package fr.secondevie.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * « Résoudre » without a retry, for an incident whose cause is not a job (here a gateway whose
 * conditions cannot be evaluated without the variable {@code amount}), journaled like a retry.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleResolveTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final RequestPostProcessor AUDITOR = user("auditeur").roles("AUDITOR");

  private static final AtomicInteger IDS = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;

  /** Starts an instance of a new process stuck at a gateway: an incident without a job. */
  long stuckAtTheGateway() {
    String processId = "console-resolve-" + IDS.incrementAndGet();
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent("received")
            .exclusiveGateway("check-amount")
            .sequenceFlowId("big")
            .conditionExpression("=amount > 10")
            .endEvent("big-end")
            .moveToLastGateway()
            .sequenceFlowId("small")
            .conditionExpression("=amount <= 10")
            .endEvent("small-end")
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("label", "ETIQ-01"))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  long openIncidentOf(long instanceKey) {
    long[] key = new long[1];
    await("incident of " + instanceKey)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var items =
                  client
                      .newIncidentSearchRequest()
                      .filter(f -> f.processInstanceKey(instanceKey).state(IncidentState.ACTIVE))
                      .send()
                      .join()
                      .items();
              if (!items.isEmpty()) {
                key[0] = items.get(0).getIncidentKey();
              }
              return !items.isEmpty();
            });
    return key[0];
  }

  List<Map<String, Object>> journal(long incidentKey) {
    return jdbc.queryForList(
        "SELECT actor, action, detail, succeeded FROM console_action WHERE incident_key = ?",
        incidentKey);
  }

  @Test
  void shouldResolveAnIncidentThatIsNotAJobAfterCorrectingAVariable() throws Exception {
    // given
    long instance = stuckAtTheGateway();
    long incident = openIncidentOf(instance);
    mvc.perform(get("/console/incidents").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//tr[@data-incident='" + incident + "']//form/@action")
                .string("/console/incidents/" + incident + "/resolve"));

    // when
    mvc.perform(
            post("/console/incidents/" + incident + "/resolve")
                .param("variable", "amount")
                .param("value", "5")
                .with(MANAGER)
                .with(csrf()))
        // then
        .andExpect(redirectedUrl("/console/incidents"))
        .andExpect(flash().attribute("notice", Matchers.containsString("résolu")));
    await("completion of " + instance)
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.newProcessInstanceGetRequest(instance).send().join().getState()
                    == ProcessInstanceState.COMPLETED);
    assertThat(journal(incident))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("actor", "gestionnaire");
              assertThat(row).containsEntry("action", "RESOLVE");
              assertThat(row.get("detail").toString())
                  .contains("variable amount corrigée")
                  .contains("check-amount");
            });
    mvc.perform(post("/console/incidents/" + incident + "/resolve").with(MANAGER).with(csrf()))
        .andExpect(flash().attribute("failure", Matchers.containsString("déjà résolu")));
  }

  @Test
  void shouldRefuseToResolveAJobsIncidentWithoutRetry() throws Exception {
    // given a job out of retries
    ConsoleFixtures process = ConsoleFixtures.deployed(client, 1);
    long instance = process.start();
    long incident = process.failOutOfRetries(instance, "Imprimante injoignable");

    // when
    mvc.perform(post("/console/incidents/" + incident + "/resolve").with(MANAGER).with(csrf()))
        // then
        .andExpect(flash().attribute("failure", Matchers.containsString("Nouvel essai")));
    assertThat(journal(incident)).isEmpty();
  }

  @Test
  void shouldRefuseTheAuditor() throws Exception {
    // given
    long incident = openIncidentOf(stuckAtTheGateway());

    // when / then
    mvc.perform(post("/console/incidents/" + incident + "/resolve").with(AUDITOR).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(journal(incident)).isEmpty();
  }
}
