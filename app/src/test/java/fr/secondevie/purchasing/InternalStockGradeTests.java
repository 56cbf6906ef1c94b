package fr.secondevie.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.support.TestClock;
import fr.secondevie.support.TestDatabase;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The internal stock is proposed by category and grade: the grade after the unit's last
 * reconditioning, else the one of its inspection at collection; only units of the grade the request
 * accepts or better, the best first; grade D never; a unit never graded only when any working unit
 * (C) is accepted.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class InternalStockGradeTests {

  @Autowired PurchaseRequests requests;
  @Autowired InternalStock internalStock;
  @Autowired InventoryService inventory;
  @Autowired InspectionService inspections;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;

  LocalDate today;
  Asset asNew;
  Asset reconditionedToB;
  Asset worn;
  Asset neverGraded;
  Asset lightlyUsed;
  Asset marked;

  @BeforeEach
  void stock() {
    PurchaseFixtures.clean(jdbc);
    jdbc.update("DELETE FROM reconditioning_order WHERE operation_id LIKE 'grade-test-%'");
    TestDatabase.clean(jdbc);
    today = clock.today();
    asNew = inspected("A");
    reconditionedToB = inspected("C");
    reconditioned(reconditionedToB, "B");
    worn = inspected("D");
    neverGraded = PurchaseFixtures.inStock(inventory, AssetCategory.MONITOR);
    lightlyUsed = inspected("B");
    marked = inspected("C");
    // a laptop as new: another category, never proposed for monitors
    PurchaseFixtures.inStock(inventory, AssetCategory.LAPTOP);
  }

  @AfterEach
  void forgetReconditioning() {
    jdbc.update("DELETE FROM reconditioning_order WHERE operation_id LIKE 'grade-test-%'");
  }

  @Test
  void shouldProposeOnlyUnitsOfTheAcceptedGradeOrBetterTheBestFirst() {
    // given: three monitors wanted, grade B at worst
    long request = submit(3, "B");

    // when
    InternalStock.StockSearch found = internalStock.findInternalStock(request);

    // then: A first, then the two B (one graded by its reconditioning, over its C inspection)
    assertThat(found.proposal()).hasSize(3);
    assertThat(found.proposal().get(0).assetId()).isEqualTo(asNew.id());
    assertThat(found.proposal().get(0).grade()).isEqualTo("A");
    assertThat(found.proposal().subList(1, 3))
        .extracting(InternalStock.StockItem::assetId, InternalStock.StockItem::grade)
        .containsExactlyInAnyOrder(
            Assertions.tuple(reconditionedToB.id(), "B"), Assertions.tuple(lightlyUsed.id(), "B"));
    assertThat(found.remainingQuantity()).isEqualTo(3);
  }

  @Test
  void shouldProposeUngradedUnitsLastAndNeverGradeDWhenAnyWorkingUnitIsAccepted() {
    // given: ten monitors, any working unit (no grade given: C)
    long request = submit(10, null);

    // when
    InternalStock.StockSearch found = internalStock.findInternalStock(request);

    // then
    assertThat(found.proposal())
        .extracting(InternalStock.StockItem::assetId)
        .hasSize(5)
        .doesNotContain(worn.id())
        .startsWith(asNew.id())
        .endsWith(neverGraded.id());
    assertThat(found.proposal())
        .extracting(InternalStock.StockItem::grade)
        .containsExactly("A", "B", "B", "C", "non évalué");
  }

  @Test
  void shouldProposeNothingWhenNoUnitIsAsGoodAsAsked() {
    // given: only one unit is A; two asked as new
    long request = submit(2, "A");

    // when
    InternalStock.StockSearch found = internalStock.findInternalStock(request);

    // then
    assertThat(found.proposal())
        .extracting(InternalStock.StockItem::assetId)
        .containsExactly(asNew.id());
  }

  @Test
  void shouldRefuseAGradeOtherThanABOrC() {
    // when / then
    Assertions.assertThatThrownBy(
            () ->
                requests.submit(
                    new PurchaseRequests.RequestInput(
                        "Radiologie",
                        "Hôpital Charles-Nicolle",
                        "MONITOR",
                        1,
                        "SCREEN",
                        "NONE",
                        today.plusDays(10),
                        "Écran de la salle de lecture",
                        "D"),
                    "tech"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsEntry(
                        "minimumGrade", "Choisissez l'état minimal accepté : A, B ou C."));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_request", Integer.class))
        .isZero();
  }

  private long submit(int quantity, String minimumGrade) {
    return requests
        .submit(
            new PurchaseRequests.RequestInput(
                "Radiologie",
                "Hôpital Charles-Nicolle",
                "MONITOR",
                quantity,
                "SCREEN",
                "NONE",
                today.plusDays(30),
                "Écrans des salles de lecture",
                minimumGrade),
            "tech")
        .id();
  }

  /** A monitor in stock, inspected at collection with this grade. */
  private Asset inspected(String grade) {
    Asset monitor = PurchaseFixtures.inStock(inventory, AssetCategory.MONITOR);
    inspections.record(
        new InspectionService.RecordInspection(
            monitor.id(),
            grade,
            !"D".equals(grade),
            null,
            false,
            false,
            true,
            true,
            today.minusMonths(2),
            "Magasin DSI",
            null,
            List.of(),
            "test",
            "grade-test-inspection-" + monitor.id()));
    return monitor;
  }

  /** The workshop's report: reconditioned, new grade. */
  private void reconditioned(Asset asset, String newGrade) {
    Long workshop = jdbc.queryForObject("SELECT MIN(id) FROM reconditioner", Long.class);
    Timestamp at = Timestamp.from(clock.instant().minusSeconds(86_400));
    jdbc.update(
        "INSERT INTO reconditioning_order (number, asset_id, inventory_number, route, channel,"
            + " reconditioner_id, reconditioner_name, condition_grade, functional, status,"
            + " operation_id, created_at, result, work_done, cost_cents, new_grade,"
            + " lifetime_extension_months, completed_at, completed_by) VALUES (?, ?, ?,"
            + " 'INTERNAL_REUSE', 'INTERNAL_WORKSHOP', ?, 'Atelier de la DSI', 'C', TRUE,"
            + " 'COMPLETED', ?, ?, 'RECONDITIONED', 'Dalle remplacée', 4500, ?, 24, ?, 'atelier')",
        "RC-T-" + asset.id(),
        asset.id(),
        asset.inventoryNumber(),
        workshop,
        "grade-test-" + asset.id(),
        at,
        newGrade,
        at);
  }
}
