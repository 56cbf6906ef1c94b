package fr.secondevie.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.ReconditionedPurchaseProcess.JobTypes;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Variables;
import fr.secondevie.purchasing.PurchasingWorkers.ReceptionVariable;
import fr.secondevie.purchasing.PurchasingWorkers.SelectionVariable;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestClock;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Warranty returns recorded against the order: which unit, when, why, what is asked; the unit stays
 * linked to its order and its chain of custody records the hand-over to the supplier. A return out
 * of warranty, for a unit the order did not deliver, or without its reason writes nothing.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class WarrantyReturnTests {

  static final RequestPostProcessor TECHNICIAN = user("technicien").roles("TECHNICIAN");

  @Autowired MockMvc mvc;
  @Autowired PurchasingWorkers workers;
  @Autowired PurchaseRequests requests;
  @Autowired InventoryService inventory;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;

  LocalDate today;
  long requestId;
  PurchaseOrder order;

  @BeforeEach
  void aReceivedOrderOfTwoLaptops() {
    PurchaseFixtures.clean(jdbc);
    TestDatabase.clean(jdbc);
    today = clock.today();
    String siret =
        PurchaseFixtures.referencedSupplier(
            jdbc, "Ecodair Reconditionnement", 5, "commandes@ecodair.example", today);
    requestId =
        requests
            .submit(
                PurchaseFixtures.request("LAPTOP", 2, "MOBILE_LAPTOP", "NONE", today.plusDays(20)),
                "tech")
            .id();
    ActivatedJob rank = Jobs.job(JobTypes.RANK_OFFERS, "rank-offers");
    when(rank.getVariablesAsMap())
        .thenReturn(
            Map.of(
                Variables.OFFERS,
                List.of(PurchaseFixtures.supplierOffer(siret, true, 420.0, 12, 10))));
    workers.rankOffers(rank, requestId);
    workers.placeOrder(
        Jobs.job(JobTypes.PLACE_ORDER, "place-order"),
        requestId,
        new SelectionVariable(1, "Seule offre, fournisseur référencé"));
    workers.recordReception(
        Jobs.job(JobTypes.RECORD_RECEPTION, "record-reception"),
        requestId,
        new ReceptionVariable(today.toString(), "WR-SN-1\nWR-SN-2", "", null));
    order = requests.orderOf(requestId).orElseThrow();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void shouldRecordAWarrantyReturnAgainstTheOrderAndInTheUnitsChainOfCustody() throws Exception {
    // given
    String unit = order.reference() + "-002";

    // when
    mvc.perform(
            post("/purchases/" + requestId + "/warranty-returns")
                .param("inventoryNumber", unit)
                .param("returnedOn", today.toString())
                .param("remedy", "REPAIR")
                .param("reason", "Charnière de l'écran cassée")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(redirectedUrl("/purchases/" + requestId));

    // then: on the order page and in the API
    mvc.perform(get("/purchases/" + requestId).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Charnière de l&#39;écran cassée")))
        .andExpect(content().string(containsString("WR-SN-2")))
        .andExpect(content().string(containsString("réparation")));
    mvc.perform(get("/api/purchase-requests/" + requestId).with(TECHNICIAN))
        .andExpect(jsonPath("$.order.warrantyReturns[0].inventoryNumber").value(unit))
        .andExpect(jsonPath("$.order.warrantyReturns[0].remedy").value("REPAIR"))
        .andExpect(jsonPath("$.order.warrantyReturns[0].recordedBy").value("technicien"));
    // and in the unit's chain of custody, the unit still linked to its order
    Asset asset = inventory.get(unit);
    assertThat(asset.orderReference()).isEqualTo(order.reference());
    List<CustodyEntry> chain = inventory.custodyOf(asset.id());
    CustodyEntry last = chain.get(chain.size() - 1);
    assertThat(last.action()).isEqualTo(CustodyAction.HANDOVER);
    assertThat(last.actor()).isEqualTo("technicien");
    assertThat(last.details())
        .isEqualTo(
            "Retour sous garantie au fournisseur « Ecodair Reconditionnement », commande "
                + order.reference()
                + ", le "
                + PurchaseOrderRenderer.DATE.format(today)
                + " : Charnière de l'écran cassée ; demandé : réparation");
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
    mvc.perform(get("/assets/" + asset.id()).with(TECHNICIAN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Retour sous garantie")));
  }

  @Test
  void shouldRefuseAReturnOutOfWarrantyForAnotherUnitOrWithoutReasonAndWriteNothing()
      throws Exception {
    // given: a laptop of the stock, not delivered by the order
    Asset other = PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP);
    String unit = order.reference() + "-001";
    int entries = inventory.custodyOf(inventory.get(unit).id()).size();

    // when / then: a unit the order did not deliver, no reason
    mvc.perform(
            post("/purchases/" + requestId + "/warranty-returns")
                .param("inventoryNumber", other.inventoryNumber())
                .param("returnedOn", today.toString())
                .param("remedy", "REPLACEMENT")
                .param("reason", " ")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Choisissez une unité livrée par la commande " + order.reference())))
        .andExpect(content().string(containsString("Indiquez le motif du retour.")));

    // when / then: thirteen months later, the twelve-month warranty is over
    clock.advance(Duration.ofDays(400));
    mvc.perform(
            post("/purchases/" + requestId + "/warranty-returns")
                .param("inventoryNumber", unit)
                .param("returnedOn", clock.today().toString())
                .param("remedy", "REPLACEMENT")
                .param("reason", "Batterie hors d'usage")
                .with(TECHNICIAN)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "La garantie de "
                            + unit
                            + " a pris fin le "
                            + PurchaseOrderRenderer.DATE.format(today.plusMonths(12)))));

    // then: nothing recorded
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_warranty_return", Integer.class))
        .isZero();
    assertThat(inventory.custodyOf(inventory.get(unit).id())).hasSize(entries);
  }
}
