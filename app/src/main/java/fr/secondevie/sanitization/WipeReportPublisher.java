package fr.secondevie.sanitization;

import fr.secondevie.processes.AssetEndOfLifeProcess.Messages;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes message {@code SanitizationReported} through the Camunda client: correlation key the
 * asset id (as a decimal string), message id the report reference (a second publication of the same
 * report within the time to live is refused by the broker, hence harmless), variable {@code
 * wipeReport} in the shape of docs/processes.md.
 */
@Component
class WipeReportPublisher {

  private final CamundaClient camunda;
  private final SanitizationProperties properties;

  WipeReportPublisher(CamundaClient camunda, SanitizationProperties properties) {
    this.camunda = camunda;
    this.properties = properties;
  }

  /**
   * @return the message key, or null when the broker already had this message (same id)
   * @throws RuntimeException when the broker cannot be reached
   */
  Long publish(long assetId, WipeReportContent report) {
    Duration ttl = properties.reportMessageTtl();
    try {
      return camunda
          .newPublishMessageCommand()
          .messageName(Messages.SANITIZATION_REPORTED)
          .correlationKey(Long.toString(assetId))
          .messageId("wipe-report-" + report.reportRef())
          .timeToLive(ttl)
          .variables(Map.of(Variables.WIPE_REPORT, variable(report)))
          .send()
          .join()
          .getMessageKey();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Variable {@code wipeReport}: {@code {tool, toolVersion, operator, reportRef, performedOn,
   * drives}}.
   */
  static Map<String, Object> variable(WipeReportContent report) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("tool", report.tool());
    v.put("toolVersion", report.toolVersion());
    v.put("operator", report.operator());
    v.put("reportRef", report.reportRef());
    v.put("performedOn", report.performedOn());
    List<Map<String, Object>> drives =
        report.drives().stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("serialNumber", d.serialNumber());
                  m.put("methodType", d.methodType() == null ? null : d.methodType().name());
                  m.put("method", d.method() == null ? null : d.method().name());
                  m.put("verification", d.verification() == null ? null : d.verification().name());
                  m.put("result", d.result() == null ? null : d.result().name());
                  m.put("notes", d.notes());
                  return m;
                })
            .toList();
    v.put("drives", drives);
    return v;
  }
}
