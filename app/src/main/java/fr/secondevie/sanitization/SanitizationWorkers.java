package fr.secondevie.sanitization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.JobOperations;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.processes.AssetEndOfLifeProcess.SanitizationOutcomes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import fr.secondevie.processes.AssetEndOfLifeProcess.WipeReportSources;
import fr.secondevie.sanitization.DestructionService.DestroyedMedium;
import fr.secondevie.sanitization.DestructionService.Proof;
import fr.secondevie.sanitization.ReportCheck.Failure;
import fr.secondevie.sanitization.SanitizationPlan.PlannedDrive;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The three sanitization jobs of P2 ({@code sanitization.plan}, {@code
 * sanitization.record-certificate}, {@code sanitization.record-destruction}): variables in, one
 * service call, changed variables out; business failures as BPMN errors.
 */
@Component
public class SanitizationWorkers {

  private final SanitizationPlanner planner;
  private final CertificateService certificates;
  private final DestructionService destructions;

  SanitizationWorkers(
      SanitizationPlanner planner,
      CertificateService certificates,
      DestructionService destructions) {
    this.planner = planner;
    this.certificates = certificates;
    this.destructions = destructions;
  }

  /** One entry of {@code storageDevices} or {@code asset.storageDevices}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DeviceVariable(String serialNumber, String type, Double capacityGb) {}

  /** In: {@code assetId}, {@code storageDevices}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlanInput(Long assetId, List<DeviceVariable> storageDevices) {}

  @JobWorker(type = JobTypes.PLAN_SANITIZATION)
  public Map<String, Object> plan(ActivatedJob job, @VariablesAsType PlanInput input) {
    List<StorageDevice> devices =
        input.storageDevices() == null
            ? List.of()
            : input.storageDevices().stream()
                .filter(d -> d.serialNumber() != null && !d.serialNumber().isBlank())
                .map(
                    d ->
                        new StorageDevice(
                            d.serialNumber(),
                            d.type() == null ? StorageType.OTHER : StorageType.valueOf(d.type()),
                            d.capacityGb() == null ? null : Math.round(d.capacityGb() * 1e9),
                            null,
                            null))
                .toList();
    SanitizationPlan plan =
        planner.plan(
            requireAsset(input.assetId()), devices, actor(job), JobOperations.operationId(job));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(Variables.SANITIZATION_PLAN, plan);
    out.put(Variables.SANITIZATION_REQUIRED, plan.sanitizationRequired());
    if (!plan.sanitizationRequired()) {
      out.put(Variables.SANITIZATION_OUTCOME, SanitizationOutcomes.NO_STORAGE);
    }
    return out;
  }

  /** Variable {@code sanitizationPlan} as read back. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlanVariable(
      Boolean healthData, List<PlannedDriveVariable> drives, String noStorageReason) {

    PlanVariable(Boolean healthData, List<PlannedDriveVariable> drives) {
      this(healthData, drives, null);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlannedDriveVariable(
      String serialNumber, String type, String requiredLevel, String recommendedMethod) {}

  /** Variable {@code wipeReport} (tool message or form). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WipeReportVariable(
      String tool,
      String toolVersion,
      String operator,
      String reportRef,
      String performedOn,
      List<ReportedDriveVariable> drives) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReportedDriveVariable(
      String serialNumber,
      String methodType,
      String method,
      String verification,
      String result,
      String notes) {}

  /**
   * In: {@code assetId}, {@code sanitizationPlan}, {@code wipeReport}, {@code wipeReportSource}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record CertificateInput(
      Long assetId,
      PlanVariable sanitizationPlan,
      WipeReportVariable wipeReport,
      String wipeReportSource) {}

  @JobWorker(type = JobTypes.RECORD_CERTIFICATE)
  public Map<String, Object> recordCertificates(
      ActivatedJob job, @VariablesAsType CertificateInput input) {
    if (input.sanitizationPlan() == null || input.wipeReport() == null) {
      throw new IllegalArgumentException(
          "Expected variables sanitizationPlan and wipeReport but got " + input);
    }
    CertificateService.Outcome outcome =
        certificates.record(
            requireAsset(input.assetId()),
            plan(input.sanitizationPlan()),
            report(input.wipeReport()),
            WipeReportSources.MANUAL.equals(input.wipeReportSource()),
            CompletedBy.actor(job, WIPE_REPORT_TASK, actor(job)),
            JobOperations.operationId(job));
    if (!outcome.passed()) {
      List<Failure> failures = outcome.failures();
      throw CamundaError.bpmnError(
          ErrorCodes.SANITIZATION_FAILED,
          failures.stream().map(Failure::detail).collect(Collectors.joining(" ")),
          Map.of(
              Variables.FAILED_DRIVES,
              failures.stream().map(Failure::serialNumber).toList(),
              Variables.SANITIZATION_FAILURES,
              failures.stream()
                  .map(f -> Map.of("serialNumber", f.serialNumber(), "reason", f.reason()))
                  .toList()));
    }
    Map<String, Object> output = CompletedBy.cleared();
    output.put(Variables.SANITIZATION_OUTCOME, SanitizationOutcomes.PASSED);
    return output;
  }

  /** Variable {@code mediaDestruction} (form {@code destroy-media}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DestructionVariable(
      String destroyedOn,
      String provider,
      String certificateRef,
      String witness,
      List<DestroyedMediumVariable> media) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DestroyedMediumVariable(String serialNumber, String destructionMethod, String dinLevel) {}

  /** In: {@code assetId}, {@code failedDrives}, {@code mediaDestruction}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DestructionInput(
      Long assetId, List<String> failedDrives, DestructionVariable mediaDestruction) {}

  @JobWorker(type = JobTypes.RECORD_DESTRUCTION)
  public Map<String, Object> recordDestruction(
      ActivatedJob job, @VariablesAsType DestructionInput input) {
    DestructionVariable d = input.mediaDestruction();
    Proof proof =
        d == null
            ? new Proof(null, null, null, null, List.of())
            : new Proof(
                d.destroyedOn(),
                d.provider(),
                d.certificateRef(),
                d.witness(),
                d.media() == null
                    ? List.of()
                    : d.media().stream()
                        .filter(m -> m != null)
                        .map(
                            m ->
                                new DestroyedMedium(
                                    m.serialNumber(), m.destructionMethod(), m.dinLevel()))
                        .toList());
    DestructionService.Outcome outcome =
        destructions.record(
            requireAsset(input.assetId()),
            input.failedDrives(),
            proof,
            CompletedBy.actor(job, DESTRUCTION_TASK, actor(job)),
            JobOperations.operationId(job));
    if (!outcome.complete()) {
      // the technician gets destroy-media back with the reason at the top of the form
      String refusal = String.join(" ", outcome.problems());
      throw CamundaError.bpmnError(
          ErrorCodes.DESTRUCTION_PROOF_INCOMPLETE,
          refusal,
          Map.of(Variables.TASK_REFUSAL, refusal));
    }
    Map<String, Object> output = CompletedBy.cleared();
    output.put(Variables.SANITIZATION_OUTCOME, SanitizationOutcomes.MEDIA_DESTROYED);
    return output;
  }

  static SanitizationPlan plan(PlanVariable v) {
    return new SanitizationPlan(
        !Boolean.FALSE.equals(v.healthData()),
        v.drives() == null
            ? List.of()
            : v.drives().stream()
                .map(
                    d ->
                        new PlannedDrive(
                            d.serialNumber(),
                            d.type() == null ? StorageType.OTHER : StorageType.valueOf(d.type()),
                            d.requiredLevel() == null
                                ? SanitizationLevel.DESTROY
                                : SanitizationLevel.valueOf(d.requiredLevel()),
                            d.recommendedMethod()))
                .toList(),
        v.noStorageReason());
  }

  static WipeReportContent report(WipeReportVariable v) {
    return new WipeReportContent(
        v.tool(),
        v.toolVersion(),
        v.operator(),
        v.reportRef(),
        v.performedOn(),
        v.drives() == null
            ? List.of()
            : v.drives().stream()
                .filter(d -> d != null)
                .map(
                    d ->
                        new ReportedDrive(
                            d.serialNumber(),
                            value(SanitizationLevel.class, d.methodType()),
                            value(SanitizationMethod.class, d.method()),
                            value(Verification.class, d.verification()),
                            value(DriveResult.class, d.result()),
                            d.notes(),
                            null,
                            null))
                .toList());
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    if (name == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name.strip())) {
        return e;
      }
    }
    return null;
  }

  private static long requireAsset(Long assetId) {
    if (assetId == null) {
      throw new IllegalArgumentException("Expected variable assetId but it is missing");
    }
    return assetId;
  }

  /** The user tasks whose follow-up is recorded under the person who completed them. */
  static final String WIPE_REPORT_TASK = "enter-wipe-report";

  static final String DESTRUCTION_TASK = "destroy-media";

  static String actor(ActivatedJob job) {
    return "worker:" + job.getType();
  }
}
