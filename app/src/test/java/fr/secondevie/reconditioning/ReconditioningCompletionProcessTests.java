package fr.secondevie.reconditioning;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reconditioning route of P2 with Camunda Process Test (REMOTE mode against the test JVM's
 * engine) and the application's workers: P2 starts at the sub-process {@code reconditioning}, the
 * real workers mark the asset and order the work from the workshop, and the completion the workshop
 * posts to {@code POST /api/reconditioning-orders/{id}/completion} is published as {@code
 * ReconditioningCompleted} and correlated to the P2 instance waiting for it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CamundaSpringProcessTest
class ReconditioningCompletionProcessTests {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired MockMvc mvc;
  @Autowired ReconditioningService service;
  @Autowired ReconditionerRegistry registry;
  @Autowired InventoryService inventory;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void anAssetToReuseAndTheWorkshop() {
    ReconditioningTestSupport.clean(jdbc);
    // no adapted company: the recycling fallback stops at its lot (configuration fault)
    jdbc.update("DELETE FROM dismantling_lot_asset");
    jdbc.update("DELETE FROM dismantling_lot");
    jdbc.update("DELETE FROM adapted_company");
    TestDatabase.clean(jdbc);
    ReconditioningTestSupport.workshop(registry);
    asset =
        new Assets(inventory, planner, certificates)
            .sanitizedThen(AssetCategory.LAPTOP, AssetStatus.SANITIZED, "R1");
  }

  @Test
  void shouldPutTheAssetBackInStockWhenTheWorkshopPostsItsCompletion() throws Exception {
    // given: P2 ordered the work and waits for it
    long p2 = startAtOrder();
    long orderId = awaitOrder();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(p2))
        .isWaitingForMessage(
            AssetEndOfLifeProcess.Messages.RECONDITIONING_COMPLETED, Long.toString(asset.id()));

    // when: the workshop's system posts the completion
    mvc.perform(
            post("/api/reconditioning-orders/{id}/completion", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"result": "RECONDITIONED", "workDone": "SSD remplacé, Windows 11 réinstallé",
                     "partsReplaced": "SSD 256 Go", "costCents": 4550, "newGrade": "B",
                     "lifetimeExtensionMonths": 24}
                    """)
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("COMPLETED"));

    // then: the message reached P2, which put the asset back in stock
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(p2))
        .isCompleted()
        .hasCorrelatedMessage(
            AssetEndOfLifeProcess.Messages.RECONDITIONING_COMPLETED, Long.toString(asset.id()))
        .hasCompletedElementsInOrder(
            Elements.MARK_RECONDITIONING,
            Elements.CREATE_RECONDITIONING_ORDER,
            Elements.WAIT_FOR_RECONDITIONING,
            Elements.RECONDITIONING_RESULT_GATEWAY,
            Elements.MARK_IN_STOCK,
            Elements.RECONDITIONING_COMPLETED,
            Elements.RECORD_OUTCOME,
            Elements.ASSET_PROCESSED)
        .hasVariable(AssetEndOfLifeProcess.Variables.RECONDITIONING_RESULT, "RECONDITIONED")
        .hasVariableSatisfies(
            AssetEndOfLifeProcess.Variables.RECONDITIONING_REPORT,
            Map.class,
            report -> assertThat(report.get("costCents")).isEqualTo(4550));
    assertThat(inventory.findById(asset.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.IN_STOCK);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> service.find(orderId).orElseThrow().messagePublishedAt() != null);
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.action() == CustodyAction.STATUS_CHANGED)
        .last()
        .satisfies(e -> assertThat(e.toStatus()).isEqualTo(AssetStatus.IN_STOCK));
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldFallBackToRecyclingWhenTheWorkshopPostsBeyondRepair() throws Exception {
    // given
    long p2 = startAtOrder();
    long orderId = awaitOrder();

    // when
    mvc.perform(
            post("/api/reconditioning-orders/{id}/completion", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"result\": \"BEYOND_REPAIR\", \"workDone\": \"Carte mère HS\","
                        + " \"costCents\": 1500}")
                .with(httpBasic("technicien", "demo")))
        .andExpect(status().isOk());

    // then: the second life is abandoned, the fallback routes the asset to recycling
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(p2))
        .hasCorrelatedMessage(
            AssetEndOfLifeProcess.Messages.RECONDITIONING_COMPLETED, Long.toString(asset.id()))
        .hasCompletedElements(
            Elements.WAIT_FOR_RECONDITIONING,
            Elements.RECONDITIONING_ABANDONED,
            Elements.CHOOSE_FALLBACK_ROUTE,
            Elements.RECORD_ROUTE,
            Elements.MARK_RECYCLING_PENDING)
        // the error end event is terminated with its sub-process when the boundary catches it
        .hasTerminatedElements(Elements.RECONDITIONING_FAILED, Elements.RECONDITIONING)
        .hasNotActivatedElements(Elements.MARK_IN_STOCK)
        .hasVariable(AssetEndOfLifeProcess.Variables.RECONDITIONING_RESULT, "BEYOND_REPAIR")
        .hasVariable("route", "RECYCLE");
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () ->
                inventory.findById(asset.id()).orElseThrow().status()
                    == AssetStatus.RECYCLING_PENDING);
    assertThat(inventory.findById(asset.id()).orElseThrow().route())
        .isEqualTo(DispositionRoute.RECYCLE);
    // no adapted company under contract: a configuration fault, the lot's job is an incident
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(p2))
        .hasActiveIncidents()
        .hasActiveElements(Elements.ADD_TO_DISMANTLING_LOT);
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(p2))
                .send()
                .join()
                .items())
        .singleElement()
        .satisfies(i -> assertThat(i.getErrorMessage()).contains("Aucune entreprise adaptée"));
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  /**
   * P2 from the second-life sub-process, once routed to internal reuse (the engine starts only at
   * top-level elements, so not at {@code create-reconditioning-order} itself).
   */
  long startAtOrder() {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(AssetEndOfLifeProcess.PROCESS_ID)
        .latestVersion()
        .variables(
            Map.of(
                "assetId",
                asset.id(),
                "route",
                "INTERNAL_REUSE",
                "routeReason",
                "décision asset-route : moins de 5 ans, fonctionnel",
                "routeArbitrated",
                false,
                "sanitizationOutcome",
                "PASSED",
                "inspection",
                Map.of("conditionGrade", "B", "functional", true)))
        .startBeforeElement(Elements.RECONDITIONING)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  long awaitOrder() {
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> service.orders().stream().anyMatch(o -> o.assetId() == asset.id()));
    return service.orders().stream()
        .filter(o -> o.assetId() == asset.id())
        .findFirst()
        .orElseThrow()
        .id();
  }
}
