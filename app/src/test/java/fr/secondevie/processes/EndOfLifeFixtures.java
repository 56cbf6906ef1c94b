package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import fr.secondevie.donation.Beneficiaries;
import fr.secondevie.inventory.Asset;
import fr.secondevie.reconditioning.Reconditioners;
import fr.secondevie.recycling.AdaptedCompanies;
import fr.secondevie.sanitization.WipeReportIntake;
import fr.secondevie.sanitization.WipeReportIntake.JsonSubmission;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the process tests of P2 and P3 share: the database and engine they leave behind, how an
 * asset is retired, and the variables each person's form submits (the same keys as in {@code
 * forms/}, so that a renamed field breaks these tests).
 */
final class EndOfLifeFixtures {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private EndOfLifeFixtures() {}

  /** No beneficiary, reconditioner, adapted company nor asset: each test registers its own. */
  static void emptyRegistries(JdbcTemplate jdbc) {
    Beneficiaries.clean(jdbc);
    Reconditioners.clean(jdbc);
    AdaptedCompanies.clean(jdbc);
    TestDatabase.clean(jdbc);
  }

  /**
   * Leaves the shared engine with the application's models, as its startup deployed them, and the
   * reconditioners as the migration created them.
   */
  static void restoreEngineAndReconditioners(Environment environment, ApplicationContext context) {
    EngineModels.redeploy(environment);
    Reconditioners.restore(context);
  }

  /** Today in Paris, by the application's clock (the one the workers check dates against). */
  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(PARIS));
  }

  /** Starts P2 for the asset, as P1 does for each asset of a campaign. */
  static ProcessInstanceEvent retire(CamundaClient camunda, Asset asset) {
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(AssetEndOfLifeProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of("assetId", asset.id()))
        .send()
        .join();
  }

  /** What a technician types in form collect-asset. */
  static Map<String, Object> inspected(String grade, boolean works, String... drives) {
    Map<String, Object> form = WipeAndRouteProcessTests.collected(drives);
    form.put("conditionGrade", grade);
    form.put("functionalTest", works ? "WORKS" : "DOES_NOT_WORK");
    return form;
  }

  /** The erasure tool's JSON report: the drive purged by crypto-erase and verified. */
  static void postPassingReport(WipeReportIntake intake, Asset asset, String serial) {
    postReport(intake, asset, serial, "CRYPTO_ERASE");
  }

  /**
   * The erasure tool's JSON report for one drive, as a Purge by {@code method} that the tool says
   * passed with full verification (whether it is enough for the drive is the plan's call).
   */
  static void postReport(WipeReportIntake intake, Asset asset, String serial, String method) {
    intake.receive(
        new JsonSubmission(
            """
            {"assetId": %d, "tool": "Blancco Drive Eraser", "toolVersion": "7.12.1",
             "operator": "Camille Martin", "performedOn": "2026-03-12T10:42:00+01:00",
             "drives": [{"serialNumber": "%s", "methodType": "PURGE", "method": "%s",
                         "verification": "FULL", "result": "PASSED"}]}
            """
                .formatted(asset.id(), serial, method)
                .getBytes(StandardCharsets.UTF_8),
            "technicien"));
  }

  /**
   * A working desktop retired, collected with one SSD, wiped with a certificate and routed to a
   * donation by the decision: the instance then looks for a beneficiary.
   */
  static ProcessInstanceEvent wipedAndRoutedToDonation(
      CamundaClient camunda,
      CamundaProcessTestContext context,
      WipeReportIntake intake,
      Asset desktop) {
    ProcessInstanceEvent instance = retire(camunda, desktop);
    context.completeUserTask(
        UserTaskSelectors.byElementId(
            AssetEndOfLifeProcess.Elements.COLLECT_ASSET, instance.getProcessInstanceKey()),
        inspected("B", true, "SSD-1"));
    assertThat(instance).hasActiveElements(AssetEndOfLifeProcess.Elements.WAIT_FOR_WIPE_REPORT);
    postPassingReport(intake, desktop, "SSD-1");
    assertThat(instance).hasVariable("route", "DONATION");
    return instance;
  }

  /** What the director submits in form approve-donation. */
  static Map<String, Object> approval(String comment) {
    return Map.of("donationDecision", "APPROVED", "approvalComment", comment);
  }

  /** What the technician submits in form hand-over-equipment. */
  static Map<String, Object> handover(LocalDate on) {
    Map<String, Object> form = new HashMap<>();
    form.put("handoverDate", on.toString());
    form.put("recipientName", "Claire Martin");
    form.put("recipientRole", "Présidente de l'association");
    form.put("signedReceiptRef", "RECU-2026-014");
    form.put("handedOverItems", List.of("COMPUTER", "KEYBOARD", "MOUSE", "POWER_SUPPLY"));
    return form;
  }

  /**
   * Completes P3's two user tasks for the one open lot: the adapted company's pickup of {@code
   * units} assets on that day, then its attestation; P3 then publishes DismantlingCompleted per
   * asset.
   */
  static void dismantleTheLot(CamundaProcessTestContext context, LocalDate on, int units) {
    context.completeUserTask(
        UserTaskSelectors.byElementId(DismantlingLotProcess.Elements.CONFIRM_PICKUP),
        Map.of(
            "pickupDate",
            on.toString(),
            "pickedUpUnitCount",
            units,
            "weightKg",
            9.5 * units,
            "wasteTrackingNumber",
            "BSD-" + on.toString().replace("-", "") + "-A1B2C3D4E",
            "carrierName",
            "Transports Cauchois"));
    context.completeUserTask(
        UserTaskSelectors.byElementId(DismantlingLotProcess.Elements.ENTER_ATTESTATION),
        Map.of(
            "recyclingCertificateRef",
            "CR-2026-0087",
            "recyclingCertificateDate",
            on.toString(),
            "eaAttestationRef",
            "EA-2026-0087",
            "invoiceAmountExclTax",
            120.0,
            "labourCost",
            80.0));
  }
}
