package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseFixtures.offers;
import static fr.secondevie.purchasing.PurchaseFixtures.reception;
import static fr.secondevie.purchasing.PurchaseFixtures.selection;
import static fr.secondevie.purchasing.PurchaseFixtures.supplierOffer;
import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Channels;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Elements;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Variables;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestClock;
import fr.secondevie.support.TestDatabase;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Process tests of P5 {@code reconditioned-purchase} (Camunda Process Test, REMOTE mode against the
 * test JVM's engine) with the application's own workers: every path of issue 15's "Done when" —
 * served from stock, part stock part reconditioned with a partial reception, a security constraint
 * leading to a justified new purchase, a refused justification, a late delivery reminder — and a
 * refused offer sent back to the buyer.
 */
@SpringBootTest
@CamundaSpringProcessTest
class ReconditionedPurchaseProcessTests {

  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired PurchaseRequests requests;
  @Autowired InventoryService inventory;
  @Autowired NotificationService notifications;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;

  LocalDate today;
  String supplierSiret;

  @BeforeEach
  void clean() {
    PurchaseFixtures.clean(jdbc);
    TestDatabase.clean(jdbc);
    today = clock.today();
    supplierSiret =
        PurchaseFixtures.referencedSupplier(
            jdbc, "Ecodair Reconditionnement", 5, "commandes@ecodair.example", today);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** Leaves the shared engine with the application's models, as its startup deployed them. */
  @AfterAll
  static void restore(@Autowired Environment environment) {
    EngineModels.redeploy(environment);
  }

  @Test
  void shouldServeTheWholeRequestFromInternalStock() {
    // given: three reconditioned laptops back in stock
    List<Asset> stock =
        List.of(
            PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP),
            PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP),
            PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP));

    // when: a service asks for two laptops and accepts the first two proposed
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request("LAPTOP", 2, "MOBILE_LAPTOP", "NONE", today.plusDays(30)),
            "tech");
    long instance = request.processInstanceKey();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.REVIEW_INTERNAL_STOCK)
        .hasVariable(Variables.STOCK_PROPOSAL_COUNT, 2)
        .hasVariable(Variables.REMAINING_QUANTITY, 2);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.REVIEW_INTERNAL_STOCK, instance),
        PurchaseFixtures.stockReview(proposed(instance, stock), proposed(instance, stock)));

    // then: both are assigned to the service, nothing is bought
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .isCompleted()
        .hasCompletedElementsInOrder(
            Elements.FIND_INTERNAL_STOCK,
            Elements.REVIEW_INTERNAL_STOCK,
            Elements.ASSIGN_INTERNAL_STOCK,
            Elements.SERVED_FROM_STOCK)
        .hasNotActivatedElements(Elements.DECIDE_CHANNEL)
        .hasVariable(Variables.REMAINING_QUANTITY, 0)
        .hasVariable(Variables.ASSIGNED_COUNT, 2);
    PurchaseRequest done = requests.find(request.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RequestStatus.SERVED_FROM_STOCK);
    List<String> assigned = requests.assignedFromStock(request.id());
    assertThat(assigned).hasSize(2);
    for (String number : assigned) {
      Asset asset = inventory.get(number);
      assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
      assertThat(inventory.custodyOf(asset.id()))
          .filteredOn(e -> e.action() == CustodyAction.STATUS_CHANGED)
          .last()
          .satisfies(e -> assertThat(e.details()).contains("Cardiologie", request.reference()));
      assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
    }
    assertThat(stock)
        .filteredOn(a -> !assigned.contains(a.inventoryNumber()))
        .singleElement()
        .satisfies(
            a ->
                assertThat(inventory.get(a.inventoryNumber()).status())
                    .isEqualTo(AssetStatus.IN_STOCK));
  }

  @Test
  void shouldBuyTheRemainderReconditionedAndReceiveItPartially() {
    // given: one laptop in stock for a request of four
    Asset laptop = PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP);
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request("LAPTOP", 4, "MOBILE_LAPTOP", "NONE", today.plusDays(30)),
            "tech");
    long instance = request.processInstanceKey();

    // when: the requester takes the laptop in stock
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.REVIEW_INTERNAL_STOCK);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.REVIEW_INTERNAL_STOCK, instance),
        PurchaseFixtures.stockReview(List.of(laptop), List.of(laptop)));

    // then: three remain, to be bought reconditioned
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECORD_OFFERS)
        .hasVariable(Variables.REMAINING_QUANTITY, 3)
        .hasVariableSatisfies(
            Variables.CHANNEL_DECISION,
            Map.class,
            d -> assertThat(d.get("channel")).isEqualTo(Channels.RECONDITIONED));

    // when: two offers, one from the referenced supplier, one under a SAD contract
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECORD_OFFERS, instance),
        offers(
            List.of(
                supplierOffer(supplierSiret, true, 310.0, 12, 10),
                PurchaseFixtures.contractOffer(
                    "SAD", "Atelier Sans Frontières", "SAD-2025-IT-04", 300.0, 6, 20))));

    // then: ranked on price, warranty, delivery and the maturity bonus
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.SELECT_OFFER);
    List<Offer> ranked = requests.offers(request.id());
    assertThat(ranked)
        .extracting(Offer::supplierName)
        .containsExactly("Ecodair Reconditionnement", "Atelier Sans Frontières");
    assertThat(ranked.get(0).maturityBonus()).isEqualTo(5);
    assertThat(ranked.get(0).score()).isEqualByComparingTo("103.1");
    assertThat(ranked.get(1).score()).isEqualByComparingTo("80.0");

    // when: the buyer selects the first, then three units arrive and one is refused
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.SELECT_OFFER, instance),
        selection(1, "Meilleure note, garantie de 12 mois"));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECEIVE_ORDER);
    PurchaseOrder order = requests.orderOf(request.id()).orElseThrow();
    assertThat(order.quantity()).isEqualTo(3);
    assertThat(order.documentId()).isNotNull();
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().equals("purchase-order:" + order.id()))
        .singleElement()
        .satisfies(n -> assertThat(n.recipient()).isEqualTo("commandes@ecodair.example"));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECEIVE_ORDER, instance),
        reception(today, "PF-3K9L2\nPF-3K9L7", "PF-3K9M1 ; écran fissuré à la livraison"));

    // then: two reconditioned laptops enter the inventory with their cost, one unit is refused and
    // still due: the buyer decides its replacement
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.DECIDE_REPLACEMENT)
        .hasCompletedElements(Elements.RECORD_RECEPTION)
        .hasVariable(Variables.RECEIVED_COUNT, 2)
        .hasVariable(Variables.REFUSED_COUNT, 1)
        .hasVariable(Variables.MISSING_QUANTITY, 1);
    assertThat(requests.units(order.id()))
        .extracting(
            ReceptionUnit::serialNumber, ReceptionUnit::accepted, ReceptionUnit::refusalReason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("PF-3K9L2", true, null),
            org.assertj.core.groups.Tuple.tuple("PF-3K9L7", true, null),
            org.assertj.core.groups.Tuple.tuple("PF-3K9M1", false, "écran fissuré à la livraison"));
    Asset received = inventory.get(order.reference() + "-001");
    assertThat(received.reconditioned()).isTrue();
    assertThat(received.serialNumber()).isEqualTo("PF-3K9L2");
    assertThat(received.acquisitionCostCents()).isEqualTo(31_000L);
    assertThat(received.supplierName()).isEqualTo("Ecodair Reconditionnement");
    assertThat(received.warrantyEnd()).isEqualTo(today.plusMonths(12));
    assertThat(received.orderReference()).isEqualTo(order.reference());
    assertThat(received.status()).isEqualTo(AssetStatus.IN_SERVICE);
    assertThat(spendLines(order.reference()))
        .as("spend counted once the order is settled")
        .isEmpty();
    assertThat(requests.find(request.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.PARTIALLY_RECEIVED);

    // when: the buyer asks the supplier to replace the refused unit, which comes in a second
    // delivery
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.DECIDE_REPLACEMENT, instance),
        Map.of(
            "replacementDecision",
            "REPLACE",
            "replacementComment",
            "Remplacement sous 10 jours convenu par téléphone",
            CompletedBy.VARIABLE,
            new CompletedBy("cmartin", "Camille Martin", Elements.DECIDE_REPLACEMENT)
                .asVariable()));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECEIVE_ORDER)
        .hasCompletedElements(Elements.RECORD_REPLACEMENT_DECISION);
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().startsWith("purchase-replacement:"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("commandes@ecodair.example");
              assertThat(n.body()).contains("PF-3K9M1 : écran fissuré à la livraison");
            });
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECEIVE_ORDER, instance),
        reception(today, "PF-3K9M5", ""));

    // then: the order is received, its third unit registered, the spend of the three counted once
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .isCompleted()
        .hasCompletedElements(Elements.ORDER_RECEIVED)
        .hasVariable(Variables.MISSING_QUANTITY, 0);
    PurchaseOrder settled = requests.orderOf(request.id()).orElseThrow();
    assertThat(settled.deliveryCount()).isEqualTo(2);
    assertThat(settled.replacementsRequested()).isEqualTo(1);
    assertThat(inventory.get(order.reference() + "-003").serialNumber()).isEqualTo("PF-3K9M5");
    assertThat(spendLines(order.reference()))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.get("amount_cents")).isEqualTo(93_000L);
              assertThat(line.get("nature")).isEqualTo("RECONDITIONNE");
              assertThat(line.get("import_id")).isNull();
            });
    assertThat(requests.find(request.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.RECEIVED);
  }

  @Test
  void shouldBuyNewWithAnApprovedJustificationWhenHealthDataForbidReconditioned() {
    // given: desktops that will keep health data, nothing in stock
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request(
                "DESKTOP", 2, "OFFICE_WORKSTATION", "HEALTH_DATA_STORAGE", today.plusDays(60)),
            "tech");
    long instance = request.processInstanceKey();

    // when: the requester justifies, the buyer approves
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.JUSTIFY_NEW_PURCHASE)
        .hasNotActivatedElements(Elements.REVIEW_INTERNAL_STOCK)
        .hasVariableSatisfies(
            Variables.CHANNEL_DECISION,
            Map.class,
            d -> assertThat(d.get("channel")).isEqualTo(Channels.NEW));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.JUSTIFY_NEW_PURCHASE, instance),
        Map.of(
            "newPurchaseJustificationText",
            "Postes du laboratoire conservant des résultats d'analyses hors ligne"));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.APPROVE_NEW_PURCHASE, instance),
        Map.of(
            "newPurchaseDecision",
            "APPROVED",
            "newPurchaseComment",
            "Contrainte RSSI confirmée",
            CompletedBy.VARIABLE,
            new CompletedBy("cmartin", "Camille Martin", Elements.APPROVE_NEW_PURCHASE)
                .asVariable()));

    // then: the buyer records a new offer and orders it
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECORD_OFFERS)
        .hasCompletedElements(Elements.RECORD_NEW_PURCHASE_DECISION);
    PurchaseRequest approved = requests.find(request.id()).orElseThrow();
    assertThat(approved.channel()).isEqualTo(Channels.NEW);
    assertThat(approved.newApproved()).isTrue();
    assertThat(approved.newJustification()).contains("laboratoire");
    assertThat(approved.newDecidedBy()).isEqualTo("Camille Martin [cmartin]");
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECORD_OFFERS, instance),
        offers(List.of(supplierOffer(supplierSiret, false, 720.0, 36, 15))));
    Map<String, Object> selected = new java.util.HashMap<>(selection(1, "Seule offre conforme"));
    selected.put(
        CompletedBy.VARIABLE,
        new CompletedBy("lbernard", "Léa Bernard", Elements.SELECT_OFFER).asVariable());
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.SELECT_OFFER, instance), selected);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECEIVE_ORDER, instance),
        reception(today, "DT-0001\nDT-0002", ""));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance)).isCompleted();
    PurchaseOrder order = requests.orderOf(request.id()).orElseThrow();
    assertThat(order.selectedBy()).isEqualTo("Léa Bernard [lbernard]");
    assertThat(order.receivedBy()).as("received outside the inbox").isNull();
    assertThat(inventory.get(order.reference() + "-002").reconditioned()).isFalse();
    assertThat(spendLines(order.reference()))
        .singleElement()
        .satisfies(line -> assertThat(line.get("nature")).isEqualTo("NEUF"));
  }

  @Test
  void shouldCloseTheRequestWhenTheBuyerRefusesTheJustification() {
    // given
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request("SECURITY_APPLIANCE", 1, "OTHER", "NONE", today.plusDays(60)),
            "tech");
    long instance = request.processInstanceKey();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.JUSTIFY_NEW_PURCHASE);

    // when
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.JUSTIFY_NEW_PURCHASE, instance),
        Map.of("newPurchaseJustificationText", "Remplacement du pare-feu du site principal"));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.APPROVE_NEW_PURCHASE, instance),
        Map.of(
            "newPurchaseDecision", "REFUSED",
            "newPurchaseComment", "Couvert par le marché de maintenance"));

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .isCompleted()
        .hasCompletedElements(Elements.NEW_PURCHASE_REFUSED)
        .hasNotActivatedElements(Elements.RECORD_OFFERS);
    PurchaseRequest refused = requests.find(request.id()).orElseThrow();
    assertThat(refused.status()).isEqualTo(RequestStatus.REFUSED);
    assertThat(refused.newApproved()).isFalse();
    assertThat(refused.newDecisionComment()).isEqualTo("Couvert par le marché de maintenance");
    assertThat(refused.newDecidedBy()).as("completed outside the inbox: nobody named").isNull();
    assertThat(requests.orderOf(request.id())).isEmpty();
  }

  @Test
  void shouldSendTheOffersBackWhenTheSupplierIsNotReferencedAndRemindWhenDeliveryIsLate() {
    // given: a monitor request, no stock
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request("MONITOR", 1, "SCREEN", "NONE", today.plusDays(30)), "tech");
    long instance = request.processInstanceKey();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECORD_OFFERS);

    // when: an offer from a supplier absent from the registry
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECORD_OFFERS, instance),
        offers(List.of(supplierOffer(PurchaseFixtures.newSiret(), true, 89.0, 12, 5))));

    // then: the task comes back with the reason, nothing ranked
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECORD_OFFERS)
        .hasCompletedElements(Elements.OFFERS_REFUSED)
        .hasVariableSatisfies(
            Variables.TASK_REFUSAL,
            String.class,
            r -> assertThat(r).contains("référencement en cours de validité"));
    assertThat(requests.offers(request.id())).isEmpty();

    // when: a referenced supplier's offer, delivery in 5 days, ordered
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECORD_OFFERS, instance),
        offers(List.of(supplierOffer(supplierSiret, true, 89.0, 12, 5))));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.SELECT_OFFER, instance),
        selection(1, "Fournisseur référencé"));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECEIVE_ORDER);
    PurchaseOrder order = requests.orderOf(request.id()).orElseThrow();
    assertThat(order.expectedBy()).isEqualTo(today.plusDays(5));

    // when: eight days pass without delivery (the application's date and the engine's timer)
    clock.advance(Duration.ofDays(8));
    processTestContext.increaseTime(Duration.ofDays(7).plusMinutes(1));

    // then: the supplier is reminded once, the reception task is still open
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECEIVE_ORDER)
        .hasCompletedElements(Elements.CHECK_DELIVERY, Elements.DELIVERY_CHECKED);
    assertThat(requests.orderOf(request.id()).orElseThrow().remindersSent()).isEqualTo(1);
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().startsWith("purchase-delivery-reminder:"))
        .filteredOn(n -> n.subject().contains(order.reference()))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("commandes@ecodair.example");
              assertThat(n.subject()).contains("retard");
            });
  }

  @Test
  void shouldCloseTheOrderWithTheUnitsReceivedWhenTheBuyerStopsWaitingForTheOthers() {
    // given: two monitors ordered, one delivered
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request("MONITOR", 2, "SCREEN", "NONE", today.plusDays(30)), "tech");
    long instance = request.processInstanceKey();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.RECORD_OFFERS);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECORD_OFFERS, instance),
        offers(List.of(supplierOffer(supplierSiret, true, 89.0, 12, 5))));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.SELECT_OFFER, instance),
        selection(1, "Fournisseur référencé"));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECEIVE_ORDER, instance),
        reception(today, "EC-7781", ""));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.DECIDE_REPLACEMENT)
        .hasVariable(Variables.MISSING_QUANTITY, 1);

    // when: the buyer closes the order
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.DECIDE_REPLACEMENT, instance),
        Map.of(
            "replacementDecision",
            "CLOSE",
            "replacementComment",
            "Modèle épuisé chez le fournisseur",
            CompletedBy.VARIABLE,
            new CompletedBy("cmartin", "Camille Martin", Elements.DECIDE_REPLACEMENT)
                .asVariable()));

    // then: closed with the unit received, whose spend alone is counted
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .isCompleted()
        .hasCompletedElements(Elements.ORDER_CLOSED)
        .hasNotActivatedElements(Elements.ORDER_RECEIVED);
    PurchaseOrder order = requests.orderOf(request.id()).orElseThrow();
    assertThat(order.status()).isEqualTo(PurchaseOrder.CLOSED);
    assertThat(order.closedReason()).isEqualTo("Modèle épuisé chez le fournisseur");
    assertThat(order.closedBy()).isEqualTo("Camille Martin [cmartin]");
    assertThat(requests.find(request.id()).orElseThrow().status())
        .isEqualTo(RequestStatus.CLOSED_SHORT);
    assertThat(spendLines(order.reference()))
        .singleElement()
        .satisfies(line -> assertThat(line.get("amount_cents")).isEqualTo(8_900L));
  }

  // ---------------------------------------------------------------- helpers

  /** The assets the instance proposed, in its order, among {@code stock}. */
  private List<Asset> proposed(long instance, List<Asset> stock) {
    List<Asset> proposed = new java.util.ArrayList<>();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasVariableSatisfies(
            Variables.STOCK_PROPOSAL,
            List.class,
            items -> {
              proposed.clear();
              for (Object item : items) {
                Object id = ((Map<?, ?>) item).get("assetId");
                stock.stream()
                    .filter(a -> a.id() == ((Number) id).longValue())
                    .forEach(proposed::add);
              }
            });
    return proposed;
  }

  private List<Map<String, Object>> spendLines(String orderReference) {
    return jdbc.queryForList(
        "SELECT * FROM spend_ledger_line WHERE order_reference = ?", orderReference);
  }
}
