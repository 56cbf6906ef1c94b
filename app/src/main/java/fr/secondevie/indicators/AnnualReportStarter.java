package fr.secondevie.indicators;

import fr.secondevie.processes.IndicatorsAnnualReportProcess;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts P7 by hand for a year (page Indicateurs). */
@Component
class AnnualReportStarter {

  private final CamundaClient client;

  AnnualReportStarter(CamundaClient client) {
    this.client = client;
  }

  /** Returns the process instance key. */
  long start(int year) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(IndicatorsAnnualReportProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(IndicatorsAnnualReportProcess.Variables.REPORT_YEAR, year))
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
