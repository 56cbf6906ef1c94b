package fr.secondevie.purchasing;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.ReconditionedPurchaseProcess.Elements;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestClock;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A purchase through the whole web stack and the real engine: a service asks through the API, the
 * buyer records the offers and selects one in the task inbox, a technician receives the order
 * there; the assets are in the inventory flagged reconditioned with their cost, and the spend
 * ledger the indicators publish shows the order's line. The request form and its refusals on the
 * page come first.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CamundaSpringProcessTest
class PurchaseWebTests {

  static final RequestPostProcessor REQUESTER = user("infirmier.cadre").roles("TECHNICIAN");
  static final RequestPostProcessor BUYER = user("acheteuse").roles("BUYER");
  static final RequestPostProcessor RECEIVER = user("magasinier").roles("TECHNICIAN");
  static final RequestPostProcessor AUDITOR = user("auditrice").roles("AUDITOR");

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired InventoryService inventory;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired PurchaseRequests requests;
  @Autowired CamundaProcessTestContext processTestContext;

  LocalDate today;
  String siret;

  @BeforeEach
  void aReferencedReconditioner() {
    PurchaseFixtures.clean(jdbc);
    TestDatabase.clean(jdbc);
    today = clock.today();
    siret =
        PurchaseFixtures.referencedSupplier(
            jdbc, "Reconditionnés du Havre", 5, "ventes@rdh.example", today);
  }

  @AfterAll
  static void restore(@Autowired Environment environment) {
    EngineModels.redeploy(environment);
  }

  @Test
  void shouldRefuseAnIncompleteRequestOnThePageAndWriteNothing() throws Exception {
    // when
    mvc.perform(
            post("/purchases")
                .param("service", "Pneumologie")
                .param("site", "")
                .param("category", "LAPTOP")
                .param("quantity", "0")
                .param("useCase", "MOBILE_LAPTOP")
                .param("neededBy", today.minusDays(1).toString())
                .param("justification", "Postes pour les infirmières de coordination")
                .with(REQUESTER)
                .with(csrf()))
        // then
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Indiquez le site.")))
        .andExpect(content().string(containsString("Indiquez une quantité entre 1 et 5000.")))
        .andExpect(content().string(containsString("La date de besoin est passée.")));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_request", Integer.class))
        .isZero();
  }

  @Test
  void shouldTakeARequestFromTheServiceToTheInventoryAndTheSpendLedger() throws Exception {
    // given: a service asks for two laptops through the API
    String body =
        mvc.perform(
                post("/api/purchase-requests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"service": "Pneumologie", "site": "Hôpital Charles-Nicolle",
                         "category": "LAPTOP", "quantity": 2, "useCase": "MOBILE_LAPTOP",
                         "securityConstraint": "NONE", "neededBy": "%s",
                         "justification": "Postes pour les infirmières de coordination"}
                        """
                            .formatted(today.plusDays(30)))
                    .with(REQUESTER)
                    .with(csrf()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.requestedBy").value("infirmier.cadre"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode created = json.readTree(body);
    long id = created.get("id").asLong();
    long instance = created.get("processInstanceKey").asLong();

    // when: the buyer records an offer in the inbox
    long offersTask = task(instance, Elements.RECORD_OFFERS);
    mvc.perform(get("/tasks").with(BUYER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saisir les offres")));
    claim(offersTask, BUYER);
    mvc.perform(
            post("/tasks/" + offersTask)
                .param("_action", "complete")
                .param("offerLines[0]._row", "1")
                .param("offerLines[0].source", "REFERENCED_SUPPLIER")
                .param("offerLines[0].supplierSiret", siret)
                .param("offerLines[0].supplierName", "Reconditionnés du Havre")
                .param("offerLines[0].contractReference", "")
                .param("offerLines[0].contractLot", "")
                .param("offerLines[0].reconditioned", "true")
                .param("offerLines[0].unitPriceExclTax", "289.50")
                .param("offerLines[0].warrantyMonths", "12")
                .param("offerLines[0].deliveryDays", "10")
                .with(BUYER)
                .with(csrf()))
        .andExpect(redirectedUrl("/tasks"));

    // and selects it
    long selectTask = task(instance, Elements.SELECT_OFFER);
    mvc.perform(get("/tasks/" + selectTask).with(BUYER))
        .andExpect(content().string(containsString("Reconditionnés du Havre")));
    claim(selectTask, BUYER);
    mvc.perform(
            post("/tasks/" + selectTask)
                .param("_action", "complete")
                .param("selectedRank", "1")
                .param("selectionReason", "Fournisseur référencé, seule offre")
                .with(BUYER)
                .with(csrf()))
        .andExpect(redirectedUrl("/tasks"));

    // and the warehouse receives the two laptops
    long receiveTask = task(instance, Elements.RECEIVE_ORDER);
    claim(receiveTask, RECEIVER);
    mvc.perform(
            post("/tasks/" + receiveTask)
                .param("_action", "complete")
                .param("receivedOn", today.toString())
                .param("acceptedSerials", "PF-4A11\nPF-4A12")
                .param("refusedUnits", "")
                .param("receptionNotes", "")
                .with(RECEIVER)
                .with(csrf()))
        .andExpect(redirectedUrl("/tasks"));

    // then: the request is received, the assets are inventoried reconditioned with their cost
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance)).isCompleted();
    String reference = "BC-%d-%05d".formatted(today.getYear(), id);
    mvc.perform(get("/purchases/" + id).with(REQUESTER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Réceptionnée")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Offre choisie par <span id=\"selected-by\">acheteuse [acheteuse]</span>")))
        .andExpect(
            content()
                .string(
                    containsString("par <span id=\"received-by\">magasinier [magasinier]</span>")))
        .andExpect(content().string(containsString(reference + "-001")));
    for (String number : List.of(reference + "-001", reference + "-002")) {
      Asset asset = inventory.get(number);
      assertThat(asset.reconditioned()).isTrue();
      assertThat(asset.acquisitionCostCents()).isEqualTo(28_950L);
      assertThat(asset.service()).isEqualTo("Pneumologie");
      assertThat(asset.status()).isEqualTo(AssetStatus.IN_SERVICE);
      assertThat(inventory.custodyOf(asset.id()).get(0).actor())
          .isEqualTo("magasinier [magasinier] via worker:purchasing.record-reception");
    }
    mvc.perform(get("/assets/" + inventory.get(reference + "-001").id()).with(REQUESTER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Reconditionné, Reconditionnés du Havre")))
        .andExpect(content().string(containsString("289,50")));
    mvc.perform(get("/api/purchase-requests/" + id).with(REQUESTER))
        .andExpect(jsonPath("$.status").value("RECEIVED"))
        .andExpect(jsonPath("$.order.receivedCount").value(2));
    mvc.perform(get("/indicators/" + today.getYear() + "/depenses.csv").with(AUDITOR))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(reference)))
        .andExpect(content().string(containsString("Reconditionné")));
  }

  @Test
  void shouldReceiveAnOrderFromACsvFileAndRefuseABadFileWithoutTouchingTheTask() throws Exception {
    // given: an order of three laptops waiting for its reception, and a laptop already inventoried
    Asset known =
        PurchaseFixtures.inStock(inventory, fr.secondevie.inventory.AssetCategory.DESKTOP);
    PurchaseRequest request =
        requests.submit(
            PurchaseFixtures.request("LAPTOP", 3, "MOBILE_LAPTOP", "NONE", today.plusDays(30)),
            "infirmier.cadre");
    long instance = request.processInstanceKey();
    task(instance, Elements.RECORD_OFFERS);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.RECORD_OFFERS, instance),
        PurchaseFixtures.offers(
            List.of(PurchaseFixtures.supplierOffer(siret, true, 289.5, 12, 10))));
    task(instance, Elements.SELECT_OFFER);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.SELECT_OFFER, instance),
        PurchaseFixtures.selection(1, "Fournisseur référencé, seule offre"));
    long receiveTask = task(instance, Elements.RECEIVE_ORDER);

    // when: a file with a unit already in the inventory and a refusal without its reason
    mvc.perform(
            multipart("/purchases/" + request.id() + "/reception")
                .file(
                    csv(
                        "numero_de_serie;decision;motif\n"
                            + "PF-5B01;acceptée;\n"
                            + known.serialNumber()
                            + ";acceptée;\n"
                            + "PF-5B03;refusée;\n"))
                .param("receivedOn", today.toString())
                .with(RECEIVER)
                .with(csrf()))
        // then: each problem named by its line and column, nothing recorded, the task still open
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Le fichier comporte 2 erreurs")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Ligne 3, colonne numero_de_serie : « "
                            + known.serialNumber()
                            + " » est déjà à l&#39;inventaire ("
                            + known.inventoryNumber()
                            + ").")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Ligne 4, colonne motif : vide : indiquez pourquoi l&#39;unité est"
                            + " refusée.")));
    assertThat(task(instance, Elements.RECEIVE_ORDER)).isEqualTo(receiveTask);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_reception_unit", Integer.class))
        .isZero();

    // when: the corrected file
    mvc.perform(
            multipart("/purchases/" + request.id() + "/reception")
                .file(
                    csv(
                        "numero_de_serie;decision;motif\n"
                            + "PF-5B01;acceptée;\n"
                            + "PF-5B02;acceptée;\n"
                            + "PF-5B03;refusée;clavier cassé\n"))
                .param("receivedOn", today.toString())
                .param("receptionNotes", "Livraison du matin")
                .with(RECEIVER)
                .with(csrf()))
        .andExpect(redirectedUrl("/purchases/" + request.id()));

    // then: the reception task is completed in the receiver's name, the units are registered, the
    // refused one waits for the buyer's decision
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasCompletedElements(Elements.RECORD_RECEPTION)
        .hasActiveElements(Elements.DECIDE_REPLACEMENT);
    PurchaseOrder order = requests.orderOf(request.id()).orElseThrow();
    assertThat(order.receivedCount()).isEqualTo(2);
    assertThat(order.refusedCount()).isEqualTo(1);
    assertThat(order.receivedBy()).isEqualTo("magasinier [magasinier]");
    assertThat(order.receptionNotes()).isEqualTo("Livraison du matin");
    assertThat(inventory.get(order.reference() + "-002").serialNumber()).isEqualTo("PF-5B02");
    assertThat(requests.units(order.id()))
        .filteredOn(u -> !u.accepted())
        .singleElement()
        .satisfies(u -> assertThat(u.refusalReason()).isEqualTo("clavier cassé"));
  }

  // ---------------------------------------------------------------- helpers

  private static MockMultipartFile csv(String content) {
    return new MockMultipartFile(
        "file", "livraison.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
  }

  /** The key of the open task of the element, once the instance reached it. */
  private long task(long instance, String elementId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.processInstanceKey(instance)
                                .elementId(elementId)
                                .state(UserTaskState.CREATED))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .map(UserTask::getUserTaskKey)
                    .findFirst()
                    .orElse(null),
            key -> key != null);
  }

  private void claim(long key, RequestPostProcessor who) throws Exception {
    mvc.perform(post("/tasks/" + key + "/claim").with(who).with(csrf()))
        .andExpect(status().is3xxRedirection());
  }
}
