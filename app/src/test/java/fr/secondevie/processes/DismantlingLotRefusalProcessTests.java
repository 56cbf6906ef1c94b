package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.DismantlingLotProcess.Elements;
import fr.secondevie.processes.DismantlingLotProcess.Variables;
import fr.secondevie.recycling.AdaptedCompanies;
import fr.secondevie.support.Assets;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Process Test (REMOTE mode, against the embedded engine, with this application's workers)
 * of the loops of P3 {@code dismantling-lot} that send a task back to the person who typed a value
 * the worker refuses: {@code pickup-refused} back to {@code confirm-pickup}, {@code
 * attestation-refused} back to {@code enter-attestation}. The refused value changes nothing (lot,
 * chain of custody) and the task comes back with {@code taskRefusal} naming each problem; a correct
 * value then goes on to the end of the lot.
 */
@SpringBootTest
@CamundaSpringProcessTest
class DismantlingLotRefusalProcessTests {

  @Autowired CamundaClient camunda;
  @Autowired CamundaProcessTestContext context;
  @Autowired ApplicationContext application;
  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @AfterAll
  static void restore(@Autowired Environment environment, @Autowired ApplicationContext context) {
    EndOfLifeFixtures.restoreEngineAndReconditioners(environment, context);
  }

  @BeforeEach
  void emptyRegistries() {
    EndOfLifeFixtures.emptyRegistries(jdbc);
  }

  // ---------------------------------------------------------------- fixtures

  LocalDate today() {
    return EndOfLifeFixtures.today(clock);
  }

  String bsd(LocalDate on) {
    return "BSD-" + on.toString().replace("-", "") + "-A1B2C3D4E";
  }

  /**
   * A desktop bought in 2015 (over 10 years: recycled) retired through P2, which puts it into a lot
   * of one asset: P3 starts, closes the lot at once and waits at {@code confirm-pickup}.
   */
  Asset recycledThroughALotOfOne() {
    AdaptedCompanies.underContract(application, "Les Ateliers du Cailly", 1);
    Asset desktop =
        Assets.register(
            inventory, AssetCategory.DESKTOP, "Pharmacie", LocalDate.of(2015, 2, 3), 68_000L);
    ProcessInstanceEvent p2 =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(AssetEndOfLifeProcess.PROCESS_ID)
            .latestVersion()
            .variables(Map.of("assetId", desktop.id()))
            .send()
            .join();
    Map<String, Object> collected = WipeAndRouteProcessTests.collected();
    collected.put("conditionGrade", "B");
    collected.put("functionalTest", "WORKS");
    context.completeUserTask(
        UserTaskSelectors.byElementId(
            AssetEndOfLifeProcess.Elements.COLLECT_ASSET, p2.getProcessInstanceKey()),
        collected);
    assertThat(p2).hasCompletedElements(AssetEndOfLifeProcess.Elements.ADD_TO_DISMANTLING_LOT);
    assertThatUserTask(UserTaskSelectors.byElementId(Elements.CONFIRM_PICKUP))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.TECHNICIAN);
    return desktop;
  }

  /** What the technician submits in form confirm-pickup. */
  Map<String, Object> pickup(LocalDate on, double weightKg, String wasteTrackingNumber) {
    Map<String, Object> form = new HashMap<>();
    form.put("pickupDate", on.toString());
    form.put("pickedUpUnitCount", 1);
    form.put("weightKg", weightKg);
    form.put("wasteTrackingNumber", wasteTrackingNumber);
    form.put("carrierName", "Transports Cauchois");
    return form;
  }

  /** What the asset manager submits in form enter-attestation. */
  Map<String, Object> attestation(double invoice, double labourCost) {
    return Map.of(
        "recyclingCertificateRef",
        "CR-2026-0087",
        "recyclingCertificateDate",
        today().toString(),
        "eaAttestationRef",
        "EA-2026-0087",
        "invoiceAmountExclTax",
        invoice,
        "labourCost",
        labourCost);
  }

  void complete(String elementId, Map<String, Object> form) {
    context.completeUserTask(UserTaskSelectors.byElementId(elementId), form);
  }

  Map<String, Object> lot() {
    return jdbc.queryForMap(
        "SELECT status, picked_up_on, weight_kg, waste_tracking_number, recycling_certificate_ref,"
            + " labour_cost_cents FROM dismantling_lot");
  }

  List<CustodyAction> custodyActions(Asset asset) {
    return inventory.custodyOf(asset.id()).stream().map(e -> e.action()).toList();
  }

  // ---------------------------------------------------------------- loops

  @Test
  void shouldSendThePickupBackToTheTechnicianWithEveryProblemUntilItIsRight() {
    // given
    Asset desktop = recycledThroughALotOfOne();
    int custody = inventory.custodyOf(desktop.id()).size();

    // when: picked up "yesterday" (before the lot closed today), no weight, a malformed slip
    LocalDate yesterday = today().minusDays(1);
    complete(Elements.CONFIRM_PICKUP, pickup(yesterday, 0, "BSD 12345"));

    // then: back to the technician, with every reason, nothing recorded
    assertThat(ProcessInstanceSelectors.byProcessId(DismantlingLotProcess.PROCESS_ID))
        .isActive()
        .hasCompletedElements(Elements.PICKUP_REFUSED)
        .hasCompletedElement(Elements.CONFIRM_PICKUP, 1)
        .hasActiveElements(Elements.CONFIRM_PICKUP)
        .hasNotActivatedElements(Elements.ENTER_ATTESTATION)
        .hasVariableSatisfies(
            Variables.TASK_REFUSAL,
            String.class,
            reason ->
                assertThat(reason)
                    .contains("L'enlèvement (" + yesterday + ") ne peut précéder la clôture")
                    .contains("Le poids enlevé doit être positif.")
                    .contains("« BSD 12345 » n'est pas un numéro de bordereau Trackdéchets"));
    assertThat(lot().get("picked_up_on")).isNull();
    assertThat(lot().get("waste_tracking_number")).isNull();
    assertThat(inventory.custodyOf(desktop.id())).hasSize(custody);

    // when: the right pickup
    complete(Elements.CONFIRM_PICKUP, pickup(today(), 9.5, bsd(today())));

    // then: recorded once, the refusal cleared, on to the attestation
    assertThat(ProcessInstanceSelectors.byProcessId(DismantlingLotProcess.PROCESS_ID))
        .hasCompletedElement(Elements.CONFIRM_PICKUP, 2)
        .hasCompletedElement(Elements.RECORD_PICKUP, 1)
        .hasActiveElements(Elements.ENTER_ATTESTATION)
        .hasVariable(Variables.TASK_REFUSAL, null);
    assertThat(lot()).containsEntry("waste_tracking_number", bsd(today()));
    assertThat(custodyActions(desktop)).filteredOn(a -> a == CustodyAction.HANDOVER).hasSize(1);
    assertThat(inventory.custodyOf(desktop.id())).hasSize(custody + 1);
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  @Test
  void shouldSendTheAttestationBackToTheAssetManagerWhenTheLabourCostExceedsTheInvoice() {
    // given: the lot is picked up
    Asset desktop = recycledThroughALotOfOne();
    complete(Elements.CONFIRM_PICKUP, pickup(today(), 9.5, bsd(today())));
    assertThatUserTask(UserTaskSelectors.byElementId(Elements.ENTER_ATTESTATION))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.ASSET_MANAGER);
    int custody = inventory.custodyOf(desktop.id()).size();

    // when: labour above the invoice ("montant 3" of the attestation is part of the invoice)
    complete(Elements.ENTER_ATTESTATION, attestation(120.0, 150.0));

    // then: back to the asset manager with the reason, nothing recorded
    assertThat(ProcessInstanceSelectors.byProcessId(DismantlingLotProcess.PROCESS_ID))
        .isActive()
        .hasCompletedElements(Elements.ATTESTATION_REFUSED)
        .hasActiveElements(Elements.ENTER_ATTESTATION)
        .hasNotActivatedElements(Elements.PUBLISH_DISMANTLING_COMPLETED)
        .hasVariableSatisfies(
            Variables.TASK_REFUSAL,
            String.class,
            reason ->
                assertThat(reason)
                    .isEqualTo("Le coût de main-d'œuvre ne peut dépasser le montant facturé HT."));
    assertThat(lot().get("recycling_certificate_ref")).isNull();
    assertThat(inventory.custodyOf(desktop.id())).hasSize(custody);
    assertThat(inventory.findById(desktop.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.RECYCLING_PENDING);

    // when: the right amounts
    complete(Elements.ENTER_ATTESTATION, attestation(120.0, 80.0));

    // then: the lot is completed and the asset recycled
    assertThat(ProcessInstanceSelectors.byProcessId(DismantlingLotProcess.PROCESS_ID))
        .isCompleted()
        .hasCompletedElement(Elements.ENTER_ATTESTATION, 2)
        .hasCompletedElements(Elements.RECORD_ATTESTATION, Elements.PUBLISH_DISMANTLING_COMPLETED)
        .hasVariable(Variables.TASK_REFUSAL, null);
    assertThat(lot()).containsEntry("recycling_certificate_ref", "CR-2026-0087");
    assertThat(((Number) lot().get("labour_cost_cents")).longValue()).isEqualTo(8_000L);
    assertThat(ProcessInstanceSelectors.byProcessId(AssetEndOfLifeProcess.PROCESS_ID))
        .isCompleted()
        .hasVariable("outcome", "RECYCLE");
    assertThat(inventory.findById(desktop.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.RECYCLED);
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }
}
