package fr.secondevie.reconditioning;

import static fr.secondevie.reconditioning.ReconditioningTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.reconditioning.ReconditioningWorkers.Inspection;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.EventPublications;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** reconditioning.create-order and the completion that publishes ReconditioningCompleted. */
// Its mocks must not take the shared engine's jobs from the other test classes' contexts.
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class ReconditioningWorkersTests {

  @MockitoBean CompletionMessages messages;
  @Autowired ReconditioningWorkers workers;
  @Autowired ReconditioningService service;
  @Autowired ReconditionerRegistry registry;
  @Autowired ReconditioningOrderRepository orders;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;
  @Autowired EventPublicationRegistry eventRegistry;
  @Autowired CompletedEventPublications completedEvents;
  @Autowired IncompleteEventPublications incompleteEvents;

  EventPublications publications;

  Assets assets;

  @BeforeEach
  void setUp() {
    ReconditioningTestSupport.clean(jdbc);
    assets = new Assets(inventory, planner, certificates);
    publications = new EventPublications(eventRegistry, completedEvents, incompleteEvents);
    reset(messages);
  }

  Asset inReconditioning() {
    return assets.sanitizedThen(
        AssetCategory.LAPTOP, AssetStatus.RECONDITIONING, "S-" + System.nanoTime());
  }

  ReconditioningWorkers.OrderVariable order(Asset asset, String route) {
    return workers
        .createOrder(
            job(JobTypes.CREATE_RECONDITIONING_ORDER), asset.id(), route, new Inspection("B", true))
        .reconditioningOrder();
  }

  static Completion reconditioned(int months) {
    return new Completion(
        "RECONDITIONED",
        "Batterie remplacée, réinstallation",
        "Batterie 45 Wh",
        8_990L,
        "A",
        months);
  }

  @Test
  void shouldGiveInternalReuseToTheWorkshopOnceWhenDeliveredTwice() {
    // given
    Reconditioner workshop = ReconditioningTestSupport.workshop(registry);
    ReconditioningTestSupport.supplier(registry, "Recyclea Normandie");
    Asset asset = inReconditioning();
    ActivatedJob job = job(JobTypes.CREATE_RECONDITIONING_ORDER);

    // when
    var first = workers.createOrder(job, asset.id(), "INTERNAL_REUSE", new Inspection("B", true));
    var second = workers.createOrder(job, asset.id(), "INTERNAL_REUSE", new Inspection("B", true));

    // then
    assertThat(second).isEqualTo(first);
    assertThat(first.reconditioningOrder().channel()).isEqualTo(Channel.INTERNAL_WORKSHOP);
    assertThat(first.reconditioningOrder().reconditionerId()).isEqualTo(workshop.id());
    assertThat(first.reconditioningOrder().orderId()).matches("RC-\\d{4}-\\d{6}");
    assertThat(orders.findByAsset(asset.id())).hasSize(1);
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.actor().equals(ReconditioningService.ACTOR_ORDER))
        .singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo(CustodyAction.NOTE));
  }

  @Test
  void shouldHandAReconditioningOverToASupplier() {
    // given
    ReconditioningTestSupport.workshop(registry);
    Reconditioner supplier = ReconditioningTestSupport.supplier(registry, "Recyclea Normandie");
    Asset asset = inReconditioning();

    // when
    var order = order(asset, "RECONDITION");

    // then
    assertThat(order.channel()).isEqualTo(Channel.SUPPLIER);
    assertThat(order.reconditionerName()).isEqualTo("Recyclea Normandie");
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.actor().equals(ReconditioningService.ACTOR_ORDER))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.HANDOVER);
              assertThat(e.details()).contains("Recyclea Normandie", supplier.supplierRef());
            });
  }

  @Test
  void shouldFallBackToTheWorkshopWhenNoSupplierIsActive() {
    ReconditioningTestSupport.workshop(registry);
    Reconditioner supplier = ReconditioningTestSupport.supplier(registry, "Inactif");
    registry.setActive(supplier.id(), false);

    assertThat(order(inReconditioning(), "RECONDITION").channel())
        .isEqualTo(Channel.INTERNAL_WORKSHOP);
  }

  @Test
  void shouldThrowNoReconditionerAvailableWhenNoneIsConfigured() {
    // given
    Asset asset = inReconditioning();
    int custody = inventory.custodyOf(asset.id()).size();

    // when / then
    assertThatThrownBy(() -> order(asset, "INTERNAL_REUSE"))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.NO_RECONDITIONER_AVAILABLE));
    assertThat(orders.findByAsset(asset.id())).isEmpty();
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody);
  }

  @Test
  void shouldRefuseAnAssetThatIsNotInReconditioning() {
    ReconditioningTestSupport.workshop(registry);
    Asset asset = assets.inService(AssetCategory.LAPTOP);

    assertThatThrownBy(() -> order(asset, "INTERNAL_REUSE"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("« En service »");
  }

  @Test
  void shouldPublishTheCompletionOnceWithTheReport() {
    // given
    ReconditioningTestSupport.workshop(registry);
    Asset asset = inReconditioning();
    var order = order(asset, "INTERNAL_REUSE");
    long orderId = orders.findByAsset(asset.id()).get(0).id();

    // when
    service.complete(orderId, reconditioned(18), "technicien");
    service.publish(orderId);

    // then: one publication of the completion, the process told once with the report
    CompletionRecorded recorded = new CompletionRecorded(orderId);
    publications.awaitCompleted(recorded);
    assertThat(publications.of(recorded)).hasSize(1);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(messages, times(1)).publish(eq(orderId), eq(asset.id()), variables.capture());
    assertThat(variables.getValue()).containsEntry("reconditioningResult", "RECONDITIONED");
    @SuppressWarnings("unchecked")
    Map<String, Object> report =
        (Map<String, Object>) variables.getValue().get("reconditioningReport");
    assertThat(report)
        .containsEntry("orderId", order.orderId())
        .containsEntry("costCents", 8_990L)
        .containsEntry("newGrade", "A")
        .containsEntry("lifetimeExtensionMonths", 18)
        .containsEntry("workDone", "Batterie remplacée, réinstallation");
    assertThat((BigDecimal) report.get("lifetimeExtensionYears")).isEqualByComparingTo("1.5");
    ReconditioningOrder done = orders.findById(orderId).orElseThrow();
    assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(done.messagePublishedAt()).isNotNull();
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody.get(custody.size() - 1).details())
        .contains("remis en état, état A", "18 mois", "89,90", "Batterie 45 Wh");
  }

  @Test
  void shouldKeepTheCompletionWhenThePublicationFailsAndPublishItLater() {
    // given: the runtime cannot be reached when the workshop's report is recorded
    ReconditioningTestSupport.workshop(registry);
    Asset asset = inReconditioning();
    order(asset, "INTERNAL_REUSE");
    long orderId = orders.findByAsset(asset.id()).get(0).id();
    doThrow(new IllegalStateException("runtime unavailable"))
        .when(messages)
        .publish(anyLong(), anyLong(), any());
    service.complete(
        orderId,
        new Completion("BEYOND_REPAIR", "Carte mère HS", null, 0L, null, null),
        "technicien");
    CompletionRecorded event = new CompletionRecorded(orderId);
    publications.awaitIncomplete(
        event, () -> verify(messages).publish(eq(orderId), eq(asset.id()), any()));
    ReconditioningOrder recorded = orders.findById(orderId).orElseThrow();
    assertThat(recorded.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(recorded.awaitsMessage()).isTrue();

    // when: the runtime is back and the order's page asks to tell the process again
    reset(messages);
    service.publish(orderId);

    // then
    publications.awaitCompleted(event);
    verify(messages, times(1)).publish(eq(orderId), eq(asset.id()), any());
    assertThat(orders.findById(orderId).orElseThrow().awaitsMessage()).isFalse();
    // a second completion is refused, nothing published again
    assertThatThrownBy(() -> service.complete(orderId, reconditioned(12), "technicien"))
        .isInstanceOf(InvalidInputException.class);
    service.publish(orderId);
    assertThat(publications.of(event)).hasSize(1);
    verify(messages, times(1)).publish(anyLong(), anyLong(), any());
  }

  @Test
  void shouldRequireGradeAndLifetimeOnlyWhenReconditioned() {
    assertThatThrownBy(
            () -> new Completion("RECONDITIONED", "Nettoyage", null, 0L, "D", 0).validate())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).containsOnlyKeys("newGrade", "lifetimeExtensionMonths"));
    assertThat(new Completion("BEYOND_REPAIR", "Carte mère HS", null, 0L, "A", 12).validate())
        .satisfies(
            v -> {
              assertThat(v.newGrade()).isNull();
              assertThat(v.lifetimeExtensionMonths()).isNull();
            });
    assertThatThrownBy(() -> new Completion("DONE", "", null, -1L, null, null).validate())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).containsOnlyKeys("result", "workDone", "costCents"));
    verify(messages, never()).publish(anyLong(), anyLong(), any());
  }
}
