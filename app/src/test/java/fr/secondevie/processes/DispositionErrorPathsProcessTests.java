package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.donation.Beneficiaries;
import fr.secondevie.indicators.OutcomeFact;
import fr.secondevie.indicators.OutcomeService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import fr.secondevie.reconditioning.Reconditioners;
import fr.secondevie.recycling.AdaptedCompanies;
import fr.secondevie.sanitization.WipeReportIntake;
import fr.secondevie.support.Assets;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
 * Camunda Process Test (REMOTE mode, against the embedded engine) of the error boundaries of P2
 * {@code asset-end-of-life} that the routes' tests do not reach, with this application's job
 * workers: a donation the law forbids ({@code DONATION_NOT_ELIGIBLE}), a proposed request closed or
 * its beneficiary deactivated between the match and the agreement ({@code
 * DONATION_REQUEST_CLOSED}), and a second life without any reconditioner ({@code
 * NO_RECONDITIONER_AVAILABLE}). Assertions check the path and what the workers wrote, or did not
 * write: inventory status and route, chain of custody (verified), donations and requests,
 * documents, reconditioning orders, outcome facts.
 */
@SpringBootTest
@CamundaSpringProcessTest
class DispositionErrorPathsProcessTests {

  @Autowired CamundaClient camunda;
  @Autowired CamundaProcessTestContext context;
  @Autowired ApplicationContext application;
  @Autowired InventoryService inventory;
  @Autowired WipeReportIntake intake;
  @Autowired DocumentService documents;
  @Autowired OutcomeService outcomes;
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

  /** A desktop bought in 2019 for 712.40 € (7 years old, no residual value: a donation). */
  Asset oldDesktop() {
    return Assets.desktop(inventory);
  }

  /**
   * A desktop imported from GLPI without its acquisition date: neither its age nor its residual
   * value is known, so the decision asks for an arbitration.
   */
  Asset undatedDesktop() {
    return Assets.register(inventory, AssetCategory.DESKTOP, "Urgences", null, 80_000L);
  }

  /** A desktop bought in 2023 for 950 € (recent: repaired when broken). */
  Asset recentDesktop() {
    return Assets.register(
        inventory, AssetCategory.DESKTOP, "Radiologie", LocalDate.of(2023, 4, 20), 95_000L);
  }

  ProcessInstanceEvent retire(Asset asset) {
    return EndOfLifeFixtures.retire(camunda, asset);
  }

  static Map<String, Object> inspected(String grade, boolean works, String... drives) {
    return EndOfLifeFixtures.inspected(grade, works, drives);
  }

  void complete(ProcessInstanceEvent instance, String elementId, Map<String, Object> form) {
    context.completeUserTask(
        UserTaskSelectors.byElementId(elementId, instance.getProcessInstanceKey()), form);
  }

  void postReport(Asset asset, String serial) {
    EndOfLifeFixtures.postPassingReport(intake, asset, serial);
  }

  ProcessInstanceEvent wipedAndRoutedToDonation(Asset desktop) {
    return EndOfLifeFixtures.wipedAndRoutedToDonation(camunda, context, intake, desktop);
  }

  static Map<String, Object> approval(String comment) {
    return EndOfLifeFixtures.approval(comment);
  }

  Map<String, Object> handover() {
    return EndOfLifeFixtures.handover(today());
  }

  void dismantleTheLot() {
    EndOfLifeFixtures.dismantleTheLot(context, today(), 1);
  }

  LocalDate today() {
    return EndOfLifeFixtures.today(clock);
  }

  Asset reload(Asset asset) {
    return inventory.findById(asset.id()).orElseThrow();
  }

  List<CustodyEntry> custody(Asset asset, CustodyAction action) {
    return inventory.custodyOf(asset.id()).stream().filter(e -> e.action() == action).toList();
  }

  /** The statuses the asset went through, in order, from its chain of custody. */
  List<AssetStatus> statuses(Asset asset) {
    return custody(asset, CustodyAction.STATUS_CHANGED).stream().map(e -> e.toStatus()).toList();
  }

  /** The proposals {@code donation.match-beneficiary} wrote in the asset's chain of custody. */
  List<String> proposals(Asset asset) {
    return custody(asset, CustodyAction.NOTE).stream()
        .filter(e -> e.actor().equals("worker:donation.match-beneficiary"))
        .map(e -> e.details())
        .toList();
  }

  /** The requests the asset was allocated to (one row per agreement prepared). */
  List<Long> donationRequestsOf(Asset asset) {
    return jdbc.queryForList(
        "SELECT request_id FROM donation WHERE asset_id = ? ORDER BY id", Long.class, asset.id());
  }

  int donationsOfRequest(long requestId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM donation WHERE request_id = ?", Integer.class, requestId);
  }

  String requestStatus(long requestId) {
    return jdbc.queryForObject(
        "SELECT status FROM donation_request WHERE id = ?", String.class, requestId);
  }

  List<StoredDocument> agreements(Asset asset) {
    return documents.ownedBy("asset:" + asset.inventoryNumber()).stream()
        .filter(d -> d.kind() == DocumentKind.DONATION_AGREEMENT)
        .toList();
  }

  int reconditioningOrdersOf(Asset asset) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM reconditioning_order WHERE asset_id = ?", Integer.class, asset.id());
  }

  OutcomeFact outcomeOf(Asset asset) {
    List<OutcomeFact> facts = outcomes.factsOf(asset.id());
    assertThat(facts).hasSize(1);
    return facts.get(0);
  }

  // ---------------------------------------------------------------- donation-not-eligible

  @Test
  void shouldFallBackToReconditioningWhenTheLawForbidsTheArbitratedDonation() {
    // given: an association asks for desktops, and the asset manager arbitrates an undated
    // desktop to a donation (the decision table never routes it there by itself: it checks the
    // same limits, so only an arbitration can send it an asset the law forbids)
    Reconditioners.supplier(application, "Recyclerie numérique normande");
    long request =
        Beneficiaries.openRequest(application, "APE école Jean-Jaurès", 3, AssetCategory.DESKTOP);
    Asset desktop = undatedDesktop();
    ProcessInstanceEvent instance = retire(desktop);
    complete(instance, Elements.COLLECT_ASSET, inspected("B", true, "SSD-1"));
    assertThat(instance).hasActiveElements(Elements.WAIT_FOR_WIPE_REPORT);
    postReport(desktop, "SSD-1");
    assertThat(instance)
        .hasVariable("sanitizationOutcome", "PASSED")
        .hasVariable("route", "REVIEW")
        .hasActiveElements(Elements.ARBITRATE_ROUTE);

    // when
    complete(
        instance,
        Elements.ARBITRATE_ROUTE,
        Map.of(
            "arbitratedRoute",
            "DONATION",
            "routeJustification",
            "Poste en bon état, la date d'achat manque dans GLPI"));

    // then: match-beneficiary refuses before any search (age and value unknown), the donation
    // sub-process is left through its boundary, and the working desktop goes to reconditioning
    assertThat(instance)
        .hasCompletedElements(
            Elements.MARK_AWAITING_ROUTE,
            Elements.ARBITRATE_ROUTE,
            Elements.MARK_DONATION_PENDING,
            Elements.DONATION_NOT_ELIGIBLE,
            Elements.CHOOSE_FALLBACK_ROUTE,
            Elements.MARK_RECONDITIONING,
            Elements.CREATE_RECONDITIONING_ORDER)
        .hasTerminatedElements(Elements.MATCH_BENEFICIARY, Elements.DONATION)
        .hasNotActivatedElements(
            Elements.NO_BENEFICIARY_AVAILABLE,
            Elements.APPROVE_DONATION,
            Elements.PREPARE_DONATION_AGREEMENT,
            Elements.DONATION_ABANDONED)
        .hasCompletedElement(Elements.RECORD_ROUTE, 2)
        .hasActiveElements(Elements.WAIT_FOR_RECONDITIONING)
        .hasNoActiveIncidents()
        .hasVariable("route", "RECONDITION")
        .hasVariable("routeArbitrated", false)
        // fallbackRoute stays local to choose-fallback-route: only its output mappings come out
        .hasVariableSatisfies(
            "routeReason",
            String.class,
            r ->
                assertThat(r)
                    .startsWith("Don impossible (inéligible")
                    .endsWith("reconditionnement"));
    Asset after = reload(desktop);
    assertThat(after.status()).isEqualTo(AssetStatus.RECONDITIONING);
    assertThat(after.route()).isEqualTo(DispositionRoute.RECONDITION);
    assertThat(after.routeReason()).startsWith("décision asset-route : Don impossible");
    assertThat(statuses(desktop))
        .containsSubsequence(
            AssetStatus.AWAITING_ROUTE, AssetStatus.DONATION_PENDING, AssetStatus.RECONDITIONING);
    assertThat(custody(desktop, CustodyAction.ROUTE_ASSIGNED))
        .extracting(CustodyEntry::details)
        .satisfiesExactly(
            d -> assertThat(d).contains("arbitrage", "date d'achat manque"),
            d -> assertThat(d).contains("Don impossible"));
    // nothing proposed, nothing allocated: the open request is untouched
    assertThat(proposals(desktop)).isEmpty();
    assertThat(donationRequestsOf(desktop)).isEmpty();
    assertThat(requestStatus(request)).isEqualTo("OPEN");
    assertThat(agreements(desktop)).isEmpty();
    // the order went to the supplier: the asset left with a handover
    assertThat(reconditioningOrdersOf(desktop)).isEqualTo(1);
    assertThat(custody(desktop, CustodyAction.HANDOVER))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("Recyclerie numérique normande"));
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  // ---------------------------------------------------------------- donation-request-closed

  @Test
  void shouldSearchAgainWhenTheProposedRequestIsClosedBeforeTheAgreement() {
    // given: two associations ask for desktops; the older request is proposed to the director
    long closing =
        Beneficiaries.openRequest(application, "APE école Jean-Jaurès", 3, AssetCategory.DESKTOP);
    long other =
        Beneficiaries.openRequest(
            application, "Parents d'élèves du collège Boieldieu", 2, AssetCategory.DESKTOP);
    Asset desktop = oldDesktop();
    ProcessInstanceEvent instance = wipedAndRoutedToDonation(desktop);
    assertThat(instance)
        .hasActiveElements(Elements.APPROVE_DONATION)
        .hasVariableSatisfies(
            Variables.DONATION,
            Map.class,
            d ->
                assertThat(d)
                    .containsEntry("beneficiaryName", "APE école Jean-Jaurès")
                    .hasEntrySatisfying(
                        "requestId",
                        id -> assertThat(((Number) id).longValue()).isEqualTo(closing)));

    // when: the request is closed while the approval waits, then the director approves
    Beneficiaries.closeRequest(application, closing, "Dotation reçue de la mairie");
    complete(
        instance, Elements.APPROVE_DONATION, approval("Accord, convention à signer sur place"));

    // then: no agreement for the closed request, a new search proposes the other one and asks the
    // director again
    assertThat(instance)
        .hasTerminatedElement(Elements.PREPARE_DONATION_AGREEMENT, 1)
        .hasCompletedElement(Elements.DONATION_REQUEST_CLOSED, 1)
        .hasCompletedElement(Elements.MATCH_BENEFICIARY, 2)
        .hasCompletedElement(Elements.APPROVE_DONATION, 1)
        .hasActiveElements(Elements.APPROVE_DONATION)
        .hasNotActivatedElements(
            Elements.HAND_OVER_EQUIPMENT,
            Elements.NO_BENEFICIARY_AVAILABLE,
            Elements.DONATION_ABANDONED)
        .hasNoActiveIncidents()
        .hasVariableSatisfies(
            Variables.DONATION,
            Map.class,
            d ->
                assertThat(d)
                    .containsEntry("beneficiaryName", "Parents d'élèves du collège Boieldieu")
                    .hasEntrySatisfying(
                        "requestId", id -> assertThat(((Number) id).longValue()).isEqualTo(other)));
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATION_PENDING);
    assertThat(requestStatus(closing)).isEqualTo("CLOSED");
    assertThat(donationRequestsOf(desktop)).isEmpty();
    assertThat(agreements(desktop)).isEmpty();
    assertThat(proposals(desktop))
        .satisfiesExactly(
            p -> assertThat(p).contains("APE école Jean-Jaurès", "demande n° " + closing),
            p ->
                assertThat(p)
                    .contains("Parents d'élèves du collège Boieldieu", "demande n° " + other));
    assertThat(custody(desktop, CustodyAction.EVIDENCE))
        .noneMatch(e -> e.actor().equals("worker:donation.prepare-agreement"));

    // when: the director approves the new proposal and the technician hands the desktop over
    complete(instance, Elements.APPROVE_DONATION, approval("Accord pour le collège"));
    complete(instance, Elements.HAND_OVER_EQUIPMENT, handover());

    // then: given to the other association only
    assertThat(instance)
        .isCompleted()
        .hasCompletedElement(Elements.PREPARE_DONATION_AGREEMENT, 1)
        .hasCompletedElements(Elements.RECORD_HANDOVER, Elements.MARK_DONATED)
        .hasVariable("outcome", "DONATION")
        .hasVariableSatisfies(
            Variables.DONATION_APPROVAL,
            Map.class,
            a -> assertThat(a).containsEntry("comment", "Accord pour le collège"));
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATED);
    assertThat(donationRequestsOf(desktop)).containsExactly(other);
    assertThat(donationsOfRequest(closing)).isZero();
    List<StoredDocument> agreements = agreements(desktop);
    assertThat(agreements).hasSize(1);
    assertThat(custody(desktop, CustodyAction.EVIDENCE))
        .filteredOn(e -> e.actor().equals("worker:donation.prepare-agreement"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.evidence()).isEqualTo(agreements.get(0).evidence());
              assertThat(e.details())
                  .contains("Parents d'élèves du collège Boieldieu", "demande n° " + other)
                  .doesNotContain("Jean-Jaurès");
            });
    assertThat(custody(desktop, CustodyAction.HANDOVER))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("Parents d'élèves du collège Boieldieu"));
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
    assertThat(outcomeOf(desktop))
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("DONATION");
              assertThat(f.handedOverOn()).isEqualTo(today());
            });
  }

  @Test
  void shouldWaitForANewRequestWhenTheBeneficiaryBecomesIneligibleBeforeTheAgreement() {
    // given: the only association asking for desktops is proposed to the director
    long request =
        Beneficiaries.openRequest(application, "APE école Jean-Jaurès", 3, AssetCategory.DESKTOP);
    Asset desktop = oldDesktop();
    ProcessInstanceEvent instance = wipedAndRoutedToDonation(desktop);
    assertThat(instance).hasActiveElements(Elements.APPROVE_DONATION);

    // when: the asset manager deactivates it while the approval waits, then the director approves
    Beneficiaries.deactivateBeneficiaryOf(application, request);
    complete(
        instance, Elements.APPROVE_DONATION, approval("Accord, convention à signer sur place"));

    // then: no agreement; the new search skips the ineligible beneficiary and waits a week,
    // counting a first failed search
    assertThat(instance)
        .hasTerminatedElement(Elements.PREPARE_DONATION_AGREEMENT, 1)
        .hasCompletedElement(Elements.DONATION_REQUEST_CLOSED, 1)
        .hasCompletedElement(Elements.MATCH_BENEFICIARY, 1)
        .hasTerminatedElement(Elements.MATCH_BENEFICIARY, 1)
        .hasCompletedElement(Elements.NO_BENEFICIARY_AVAILABLE, 1)
        .hasActiveElements(Elements.WAIT_FOR_DONATION_REQUEST)
        .hasNotActivatedElements(Elements.HAND_OVER_EQUIPMENT, Elements.DONATION_ABANDONED)
        .hasNoActiveIncidents()
        .hasLocalVariable(Elements.DONATION, Variables.BENEFICIARY_SEARCH_FAILURES, 1);
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATION_PENDING);
    assertThat(requestStatus(request)).isEqualTo("OPEN");
    assertThat(donationRequestsOf(desktop)).isEmpty();
    assertThat(agreements(desktop)).isEmpty();
    assertThat(proposals(desktop)).singleElement().asString().contains("APE école Jean-Jaurès");

    // when: another association asks for desktops and the week passes
    long newer =
        Beneficiaries.openRequest(
            application, "Parents d'élèves du collège Boieldieu", 2, AssetCategory.DESKTOP);
    context.increaseTime(Duration.ofDays(7));

    // then: the new request is proposed to the director
    assertThat(instance)
        .hasCompletedElement(Elements.WAIT_FOR_DONATION_REQUEST, 1)
        .hasCompletedElement(Elements.MATCH_BENEFICIARY, 2)
        .hasActiveElements(Elements.APPROVE_DONATION)
        .hasVariableSatisfies(
            Variables.DONATION,
            Map.class,
            d ->
                assertThat(d)
                    .containsEntry("beneficiaryName", "Parents d'élèves du collège Boieldieu")
                    .hasEntrySatisfying(
                        "requestId", id -> assertThat(((Number) id).longValue()).isEqualTo(newer)));
    assertThat(donationRequestsOf(desktop)).isEmpty();
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  // ---------------------------------------------------------------- no-reconditioner-available

  @Test
  void shouldFallBackToRecyclingWhenNoReconditionerIsRegistered() {
    // given: no workshop and no supplier (the registry was emptied), an adapted company under
    // contract whose lots close at one asset, and a broken recent desktop (reconditioning)
    AdaptedCompanies.underContract(application, "Les Ateliers du Cailly", 1);
    Asset desktop = recentDesktop();
    ProcessInstanceEvent instance = retire(desktop);

    // when
    complete(instance, Elements.COLLECT_ASSET, inspected("B", false));

    // then: the order finds nobody, the second life is abandoned and the desktop is recycled
    assertThat(instance)
        .hasCompletedElements(
            Elements.MARK_RECONDITIONING,
            Elements.NO_RECONDITIONER_AVAILABLE,
            Elements.RECONDITIONING_ABANDONED,
            Elements.CHOOSE_FALLBACK_ROUTE,
            Elements.MARK_RECYCLING_PENDING,
            Elements.ADD_TO_DISMANTLING_LOT)
        .hasTerminatedElements(
            Elements.CREATE_RECONDITIONING_ORDER,
            Elements.NO_RECONDITIONER,
            Elements.RECONDITIONING)
        .hasNotActivatedElements(
            Elements.WAIT_FOR_RECONDITIONING, Elements.RECONDITIONING_FAILED, Elements.DONATION)
        .hasCompletedElement(Elements.RECORD_ROUTE, 2)
        .hasNoActiveIncidents()
        .hasVariable("route", "RECYCLE")
        .hasVariable("routeArbitrated", false)
        .hasVariable("routeReason", "Seconde vie impossible : recyclage par l'entreprise adaptée")
        .isWaitingForMessage(
            AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, desktop.id().toString());
    Asset after = reload(desktop);
    assertThat(after.status()).isEqualTo(AssetStatus.RECYCLING_PENDING);
    assertThat(after.route()).isEqualTo(DispositionRoute.RECYCLE);
    assertThat(statuses(desktop))
        .containsSubsequence(AssetStatus.RECONDITIONING, AssetStatus.RECYCLING_PENDING);
    assertThat(custody(desktop, CustodyAction.ROUTE_ASSIGNED))
        .extracting(CustodyEntry::details)
        .satisfiesExactly(
            d -> assertThat(d).contains("En panne mais récent"),
            d -> assertThat(d).contains("Seconde vie impossible"));
    // no order written and the asset never left for a supplier
    assertThat(reconditioningOrdersOf(desktop)).isZero();
    assertThat(custody(desktop, CustodyAction.HANDOVER)).isEmpty();

    // when: the adapted company picks the lot up and sends its attestation
    dismantleTheLot();

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(Elements.MARK_RECYCLED, Elements.RECORD_OUTCOME)
        .hasVariable("outcome", "RECYCLE");
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECYCLED);
    assertThat(outcomeOf(desktop))
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("RECYCLE");
              assertThat(f.route()).isEqualTo("RECYCLE");
              assertThat(f.routeReason()).contains("Seconde vie impossible");
              assertThat(f.reuseOriented()).isFalse();
              assertThat(f.reconditioningCostCents()).isNull();
            });
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }
}
