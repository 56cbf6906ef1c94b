package fr.secondevie.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.ReconditionedPurchaseProcess.JobTypes;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Variables;
import fr.secondevie.purchasing.PurchasingWorkers.ReceptionVariable;
import fr.secondevie.purchasing.PurchasingWorkers.SelectionVariable;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestClock;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The P5 workers whose effect must happen once, each given the same job by two workers at the same
 * instant (as after a job timeout while the first still runs): both deliveries answer, with the
 * first one's result, and the effect is written once.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class PurchasingDoubleDeliveryTests {

  @Autowired PurchasingWorkers workers;
  @Autowired PurchaseRequests requests;
  @Autowired InventoryService inventory;
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

  @Test
  void shouldAssignTheAcceptedStockOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given: two laptops in stock, both accepted by the requester
    Asset first = PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP);
    Asset second = PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP);
    long requestId = submit(2);
    ActivatedJob job = Jobs.job(JobTypes.ASSIGN_STOCK, "assign-stock");
    when(job.getVariablesAsMap())
        .thenReturn(PurchaseFixtures.stockReview(List.of(first, second), List.of(first, second)));

    // when
    var answers =
        DoubleDelivery.allAnswered(
            DoubleDelivery.twiceAtOnce(() -> workers.assignStock(job, requestId)));

    // then: both answer "2 assigned, none left", each asset moved and recorded once
    assertThat(answers)
        .hasSize(2)
        .allSatisfy(
            a ->
                assertThat(a)
                    .containsEntry("assignedCount", 2)
                    .containsEntry("remainingQuantity", 0));
    assertThat(requests.assignedFromStock(requestId))
        .containsExactlyInAnyOrder(first.inventoryNumber(), second.inventoryNumber());
    for (Asset asset : List.of(first, second)) {
      assertThat(inventory.findById(asset.id()).orElseThrow().status())
          .isEqualTo(AssetStatus.IN_SERVICE);
      assertThat(inventory.custodyOf(asset.id()))
          .filteredOn(e -> e.details() != null && e.details().contains("demande d'achat"))
          .hasSize(1);
      assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
    }
  }

  @Test
  void shouldPlaceOneOrderWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given: a request with its offers ranked
    long requestId = ranked(submit(3));
    ActivatedJob job = Jobs.job(JobTypes.PLACE_ORDER, "place-order");

    // when
    var answers =
        DoubleDelivery.allAnswered(
            DoubleDelivery.twiceAtOnce(
                () ->
                    workers.placeOrder(
                        job, requestId, new SelectionVariable(1, "Meilleure note, garantie"))));

    // then: the same order to both, one order, one order form, one e-mail to the supplier
    assertThat(answers).hasSize(2);
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
    assertThat(count("SELECT COUNT(*) FROM purchase_order WHERE request_id = ?", requestId))
        .isEqualTo(1);
    String reference = requests.orderOf(requestId).orElseThrow().reference();
    assertThat(count("SELECT COUNT(*) FROM document WHERE filename = ?", reference + ".pdf"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM notification WHERE recipient = 'commandes@ecodair.example'"
                    + " AND subject = ?",
                "Bon de commande " + reference))
        .isEqualTo(1);
  }

  @Test
  void shouldRecordOneReceptionAndOneSpendLineWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given: an order of 3 laptops placed
    long requestId = ranked(submit(3));
    workers.placeOrder(
        Jobs.job(JobTypes.PLACE_ORDER, "place-order"),
        requestId,
        new SelectionVariable(1, "Meilleure note, garantie"));
    ActivatedJob job = Jobs.job(JobTypes.RECORD_RECEPTION, "record-reception");
    ReceptionVariable reception =
        new ReceptionVariable(
            today.toString(), "DD-SN-1\nDD-SN-2", "DD-SN-3 ; écran fissuré", null);

    // when
    var answers =
        DoubleDelivery.allAnswered(
            DoubleDelivery.twiceAtOnce(() -> workers.recordReception(job, requestId, reception)));

    // then: both answer 2 received, 1 refused, 1 due; two assets, three units, one delivery
    assertThat(answers)
        .hasSize(2)
        .allSatisfy(
            a ->
                assertThat(a)
                    .containsEntry("receivedCount", 2)
                    .containsEntry("refusedCount", 1)
                    .containsEntry("missingQuantity", 1));
    PurchaseOrder order = requests.orderOf(requestId).orElseThrow();
    assertThat(order.deliveryCount()).isEqualTo(1);
    assertThat(requests.units(order.id())).hasSize(3);
    assertThat(count("SELECT COUNT(*) FROM asset WHERE serial_number LIKE 'DD-SN-%'")).isEqualTo(2);

    // when: the buyer's closing of the order, delivered twice at once too
    ActivatedJob close =
        Jobs.job(JobTypes.RECORD_REPLACEMENT_DECISION, "record-replacement-decision");
    DoubleDelivery.allAnswered(
        DoubleDelivery.twiceAtOnce(
            () ->
                workers.recordReplacementDecision(
                    close,
                    requestId,
                    new PurchasingWorkers.ReplacementVariable(false, "Modèle épuisé"))));

    // then: closed once, one spend line for the two units accepted
    assertThat(requests.orderOf(requestId).orElseThrow().status()).isEqualTo(PurchaseOrder.CLOSED);
    assertThat(
            count(
                "SELECT COUNT(*) FROM spend_ledger_line WHERE order_reference = ?",
                order.reference()))
        .isEqualTo(1);
    long unitPrice =
        requests.offers(requestId).stream()
            .filter(o -> o.id() == order.offerId())
            .findFirst()
            .orElseThrow()
            .unitPriceCents();
    assertThat(
            count(
                "SELECT amount_cents FROM spend_ledger_line WHERE order_reference = ?",
                order.reference()))
        .isEqualTo(2 * unitPrice);
  }

  private long submit(int quantity) {
    return requests
        .submit(
            PurchaseFixtures.request(
                "LAPTOP", quantity, "MOBILE_LAPTOP", "NONE", today.plusMonths(2)),
            "acheteur")
        .id();
  }

  /** The request's offers recorded and ranked, as rank-offers does after record-offers. */
  private long ranked(long requestId) {
    ActivatedJob job = Jobs.job(JobTypes.RANK_OFFERS, "rank-offers");
    when(job.getVariablesAsMap())
        .thenReturn(
            Map.of(
                Variables.OFFERS,
                List.of(
                    PurchaseFixtures.supplierOffer(supplierSiret, true, 420.0, 24, 10),
                    PurchaseFixtures.supplierOffer(supplierSiret, true, 460.0, 36, 5))));
    workers.rankOffers(job, requestId);
    return requestId;
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
