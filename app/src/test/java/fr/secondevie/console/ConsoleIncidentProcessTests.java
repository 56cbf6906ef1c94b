package fr.secondevie.console;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.support.EngineModels;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Camunda Process Test (REMOTE mode, against the test JVM's engine) of an incident handled from the
 * console: a real job worker fails while the label printer the instance names is out of order, the
 * job runs out of retries and the engine raises an incident; the incident shows in the console with
 * the worker's message; the asset manager corrects the variable and retries from the console; the
 * worker then completes the job and the instance goes on to its end.
 */
@SpringBootTest
@CamundaSpringProcessTest
@AutoConfigureMockMvc
class ConsoleIncidentProcessTests {

  static final RequestPostProcessor MANAGER = user("gestionnaire").roles("ASSET_MANAGER");
  static final String PROCESS_ID = "console-label-printing";
  static final String JOB_TYPE = "console-test.print-label";

  @Autowired CamundaClient client;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  final AtomicInteger attempts = new AtomicInteger();
  JobWorker worker;

  @AfterAll
  static void restore(@Autowired Environment environment) {
    EngineModels.redeploy(environment);
  }

  @BeforeEach
  void aPrintingProcessAndItsWorker() {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(PROCESS_ID)
                .name("Impression d'étiquette")
                .startEvent("asked")
                .serviceTask(
                    "print-label",
                    t -> t.name("Imprimer l'étiquette").zeebeJobType(JOB_TYPE).zeebeJobRetries("2"))
                .endEvent("printed")
                .done(),
            PROCESS_ID + ".bpmn")
        .send()
        .join();
    // the worker fails while the printer it is given is out of order
    worker =
        client
            .newWorker()
            .jobType(JOB_TYPE)
            .handler(
                (jobClient, job) -> {
                  attempts.incrementAndGet();
                  Object printer = job.getVariablesAsMap().get("printer");
                  if ("HS-01".equals(printer)) {
                    throw new IllegalStateException("Imprimante HS-01 injoignable");
                  }
                  jobClient.newCompleteCommand(job).send().join();
                })
            .pollInterval(Duration.ofMillis(100))
            .open();
  }

  @AfterEach
  void closeWorker() {
    worker.close();
  }

  @Test
  void shouldRetryFromTheConsoleAfterCorrectingAVariableAndLetTheInstanceGoOn() throws Exception {
    // given: the job fails twice, out of retries: an incident
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(Map.of("printer", "HS-01"))
            .send()
            .join();
    long key = instance.getProcessInstanceKey();
    assertThat(instance).hasActiveIncidents().hasActiveElements("print-label");
    assertThat(attempts).hasValue(2);
    long incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .send()
            .join()
            .items()
            .get(0)
            .getIncidentKey();

    // when: the incident is in the console with the worker's message
    mvc.perform(get("/console/incidents").with(MANAGER))
        .andExpect(status().isOk())
        .andExpect(
            xpath(
                    "//tr[@data-incident='"
                        + incident
                        + "']/ancestor::section//span[@class='incident-message']")
                .string("java.lang.IllegalStateException: Imprimante HS-01 injoignable"));
    mvc.perform(get("/console/instances/{key}", key).with(MANAGER))
        .andExpect(
            xpath("//div[@id='diagram']//*[@data-element-id='print-label']/@data-state")
                .string("incident"));
    // an invalid correction is refused, nothing changed
    mvc.perform(
            post("/console/incidents/{key}/retry", incident)
                .param("back", "instance")
                .param("variable", "printer")
                .param("value", "ETIQ-02")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(flash().attribute("failure", containsString("JSON")));
    assertThat(instance).hasActiveIncidents();
    // corrected, then retried
    mvc.perform(
            post("/console/incidents/{key}/retry", incident)
                .param("back", "instance")
                .param("variable", "printer")
                .param("value", "\"ETIQ-02\"")
                .with(MANAGER)
                .with(csrf()))
        .andExpect(redirectedUrl("/console/instances/" + key));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("print-label", "printed");
    assertThat(attempts).hasValue(3);
    assertThat(
            jdbc.queryForObject(
                "SELECT detail FROM console_action WHERE incident_key = ? AND succeeded",
                String.class,
                incident))
        .contains("printer");
    mvc.perform(get("/console/instances/{key}", key).with(MANAGER))
        .andExpect(xpath("//span[@id='instance-state']").string("Terminée"))
        .andExpect(
            xpath("//table[@id='variables']//tr[@data-variable='printer']/td[2]/code")
                .string("\"ETIQ-02\""));
  }
}
