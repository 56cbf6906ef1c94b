package fr.secondevie.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** routing.assess-asset and routing.record-route on the real database. */
@SpringBootTest
@AutoConfigureMockMvc
class RoutingWorkersTests {

  @Autowired RoutingWorkers workers;
  @Autowired AssessmentService assessments;
  @Autowired InventoryService inventory;
  @Autowired fr.secondevie.inventory.InspectionService inspections;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void aSanitizedDesktop() {
    TestDatabase.clean(jdbc);
    asset =
        Assets.moveTo(
            inventory,
            Assets.attestedWithoutStorage(inspections, Assets.desktop(inventory)),
            AssetStatus.DECOMMISSIONING,
            AssetStatus.SANITIZING,
            AssetStatus.SANITIZED);
  }

  @Test
  void shouldAssessAgeResidualValueAndOsOnADate() {
    // given: bought 2019-05-14 for 712.40 €, 5 years of accounting life
    Asset laptop =
        Assets.register(
            inventory, AssetCategory.LAPTOP, "Urgences", LocalDate.of(2024, 5, 14), 150000L);

    // when
    Assessment desktop = assessments.assess(asset, LocalDate.of(2021, 5, 14));
    Assessment recent = assessments.assess(laptop, LocalDate.of(2026, 5, 14));
    Assessment old = assessments.assess(asset, LocalDate.of(2029, 5, 14));

    // then
    assertThat(desktop.category()).isEqualTo("DESKTOP");
    assertThat(desktop.ageYears()).isEqualTo(2.0);
    assertThat(desktop.residualUnitValue()).isEqualByComparingTo(new BigDecimal("427.44"));
    assertThat(desktop.decidedOn()).isEqualTo("2021-05-14");
    assertThat(desktop.osSupported()).isNull();
    assertThat(recent.residualUnitValue()).isEqualByComparingTo(new BigDecimal("750.00"));
    assertThat(old.ageYears()).isEqualTo(10.0);
    assertThat(old.residualUnitValue()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void shouldReturnTheAssessmentVariable() {
    Map<String, Object> out = workers.assess(asset.id());

    Assessment assessment = (Assessment) out.get("assessment");
    assertThat(assessment.category()).isEqualTo("DESKTOP");
    assertThat(assessment.ageYears()).isPositive();
    assertThat(assessment.residualUnitValue()).isNotNull();
  }

  @Test
  void shouldRecordTheRouteOnceAndTheFallbackAsASecondRoute() {
    // given
    ActivatedJob job = Jobs.job(JobTypes.RECORD_ROUTE, "record-route");
    int before = inventory.custodyOf(asset.id()).size();

    // when
    workers.recordRoute(job, asset.id(), "DONATION", "Don possible : valeur ≤ 300 €", false);
    workers.recordRoute(job, asset.id(), "DONATION", "Don possible : valeur ≤ 300 €", false);
    workers.recordRoute(Jobs.again(job), asset.id(), "RECONDITION", "Aucun bénéficiaire", false);

    // then
    Asset routed = inventory.findById(asset.id()).orElseThrow();
    assertThat(routed.route()).isEqualTo(DispositionRoute.RECONDITION);
    assertThat(routed.routeReason()).isEqualTo("décision asset-route : Aucun bénéficiaire");
    assertThat(inventory.custodyOf(asset.id()))
        .hasSize(before + 2)
        .filteredOn(e -> e.action() == CustodyAction.ROUTE_ASSIGNED)
        .extracting(e -> e.details())
        .containsExactly(
            "Orientation : Don — décision asset-route : Don possible : valeur ≤ 300 €",
            "Orientation : Reconditionnement — décision asset-route : Aucun bénéficiaire");
  }

  @Test
  void shouldSayWhenAPersonArbitratedAndFailOnAnUnknownRoute() {
    workers.recordRoute(
        Jobs.job(JobTypes.RECORD_ROUTE, "record-route"),
        asset.id(),
        "RECYCLE",
        "Écran cassé, aucune réparation raisonnable",
        true);

    assertThat(inventory.findById(asset.id()).orElseThrow().routeReason())
        .isEqualTo("arbitrage : Écran cassé, aucune réparation raisonnable");
    assertThatThrownBy(
            () ->
                workers.recordRoute(
                    Jobs.job(JobTypes.RECORD_ROUTE, "record-route"),
                    asset.id(),
                    "REVIEW",
                    null,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REVIEW");
  }

  @Test
  void shouldCreditTheArbitrationToThePersonWhoArbitratedAndClearTheVariable() {
    // given: the inbox recorded who completed arbitrate-route
    ActivatedJob job = Jobs.job(JobTypes.RECORD_ROUTE, "record-route");
    when(job.getVariablesAsMap())
        .thenReturn(
            Map.of(
                CompletedBy.VARIABLE,
                new CompletedBy("cmartin", "Camille Martin", "arbitrate-route").asVariable()));

    // when
    Map<String, Object> out =
        workers.recordRoute(job, asset.id(), "RECYCLE", "Carte mère grillée", true);

    // then
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.action() == CustodyAction.ROUTE_ASSIGNED)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.actor())
                    .isEqualTo("Camille Martin [cmartin] via worker:routing.record-route"));
    assertThat(out).containsEntry(CompletedBy.VARIABLE, null);
  }

  @Test
  void shouldNotCreditARuleDecidedRouteToTheLastPersonInTheVariable() {
    // given: a stale completedBy of another task
    ActivatedJob job = Jobs.job(JobTypes.RECORD_ROUTE, "record-route");
    when(job.getVariablesAsMap())
        .thenReturn(
            Map.of(
                CompletedBy.VARIABLE,
                new CompletedBy("cmartin", "Camille Martin", "arbitrate-route").asVariable()));

    // when: the route came from the decision table, not from the arbitration
    workers.recordRoute(job, asset.id(), "DONATION", "Don possible", false);

    // then
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.action() == CustodyAction.ROUTE_ASSIGNED)
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("worker:routing.record-route"));
  }
}
