package fr.secondevie.donation;

import static fr.secondevie.donation.DonationFixtures.job;
import static fr.secondevie.donation.DonationFixtures.openRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.donation.DonationWorkers.AgreementVariable;
import fr.secondevie.donation.DonationWorkers.Approval;
import fr.secondevie.donation.DonationWorkers.Assessment;
import fr.secondevie.donation.DonationWorkers.DonationVariable;
import fr.secondevie.donation.DonationWorkers.HandoverVariable;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.IllegalStatusTransitionException;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestClock;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three donation workers, called as the engine would call them, on the real database: their
 * output, what they write (registry, documents, chain of custody), their BPMN errors, and that a
 * job delivered twice changes nothing twice.
 */
@SpringBootTest
class DonationWorkersTests {

  @Autowired DonationWorkers workers;
  @Autowired BeneficiaryRegistry registry;
  @Autowired DonationRepository donations;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  Assets assets;

  @BeforeEach
  void setUp() {
    DonationFixtures.clean(jdbc);
    assets = new Assets(inventory, planner, certificates);
  }

  static Assessment assessment(String age, String value) {
    return new Assessment("DESKTOP", new BigDecimal(age), new BigDecimal(value));
  }

  DonationWorkers.MatchOutput match(Asset asset, String value) {
    return workers.matchBeneficiary(
        job(JobTypes.MATCH_BENEFICIARY), asset.id(), assessment("6.2", value), "PASSED");
  }

  AgreementVariable prepare(Asset asset, DonationVariable donation, ActivatedJob job) {
    return workers
        .prepareAgreement(
            job,
            asset.id(),
            donation,
            new Approval(true, null, "Conforme à la politique de dons"),
            null)
        .donationAgreement();
  }

  @Test
  void shouldProposeTheOldestOpenRequestWantingTheCategoryWithTheLegalCheck() {
    // given
    openRequest(
        registry, "Écrans pour tous", LegalCategory.STUDENT_ASSOCIATION, 5, AssetCategory.MONITOR);
    DonationRequest oldest =
        openRequest(
            registry,
            "Les Restos du Cœur",
            LegalCategory.PUBLIC_UTILITY_ASSOCIATION,
            400,
            AssetCategory.DESKTOP);
    openRequest(
        registry, "Parents d'élèves", LegalCategory.PARENTS_ASSOCIATION, 3, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");

    // when
    DonationWorkers.MatchOutput out = match(asset, "300.00");

    // then
    assertThat(out.donation().requestId()).isEqualTo(oldest.id());
    assertThat(out.donation().beneficiaryName()).isEqualTo("Les Restos du Cœur");
    assertThat(out.donation().legalCategory()).isEqualTo("Association reconnue d'utilité publique");
    assertThat(out.legalCheck())
        .isEqualTo(
            new Proposal.LegalCheck(
                new BigDecimal("6.2"),
                true,
                new BigDecimal("300.00"),
                true,
                true,
                true,
                true,
                true));
    assertThat(inventory.custodyOf(asset.id()))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.NOTE);
              assertThat(e.details()).contains("Les Restos du Cœur", "demande n° " + oldest.id());
            });
  }

  @Test
  void shouldRefuseADonationOneCentAboveTheCap() {
    // given
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 4, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    int custody = inventory.custodyOf(asset.id()).size();

    // when / then
    assertThatThrownBy(() -> match(asset, "300.01"))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.DONATION_NOT_ELIGIBLE);
              assertThat(e.getErrorMessage()).contains("300.01 €", "plafond de 300 €");
            });
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody);
  }

  @Test
  void shouldRefuseAnIneligibleAssetCategoryWhateverTheRequests() {
    // given: a server routed to donation by arbitration
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 4, AssetCategory.DESKTOP);
    Asset server = assets.sanitizedThen(AssetCategory.SERVER, AssetStatus.DONATION_PENDING, "S1");

    // when / then
    assertThatThrownBy(
            () ->
                workers.matchBeneficiary(
                    job(JobTypes.MATCH_BENEFICIARY), server.id(), assessment("3", "100"), "PASSED"))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.DONATION_NOT_ELIGIBLE);
              assertThat(e.getErrorMessage()).contains("« Serveur » non cessible");
            });
  }

  @Test
  void shouldRefuseWhenTheMediaWereDestroyedOrTheAssetIsOverTenYears() {
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");

    assertThatThrownBy(
            () ->
                workers.matchBeneficiary(
                    job(JobTypes.MATCH_BENEFICIARY),
                    asset.id(),
                    assessment("4", "50"),
                    "MEDIA_DESTROYED"))
        .hasFieldOrPropertyWithValue("errorCode", ErrorCodes.DONATION_NOT_ELIGIBLE);
    assertThatThrownBy(
            () ->
                workers.matchBeneficiary(
                    job(JobTypes.MATCH_BENEFICIARY),
                    asset.id(),
                    assessment("10.0027", "50"),
                    "PASSED"))
        .hasFieldOrPropertyWithValue("errorCode", ErrorCodes.DONATION_NOT_ELIGIBLE);
  }

  @Test
  void shouldFindNoBeneficiaryWithoutAnOpenRequestForTheCategory() {
    // given: a request for screens only, and a closed one for desktops
    openRequest(registry, "Écrans", LegalCategory.STUDENT_ASSOCIATION, 5, AssetCategory.MONITOR);
    DonationRequest closed =
        openRequest(
            registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 5, AssetCategory.DESKTOP);
    registry.closeRequest(closed.id(), "Plus de besoin");
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");

    // when / then
    assertThatThrownBy(() -> match(asset, "120"))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.NO_BENEFICIARY_AVAILABLE);
              assertThat(e.getErrorMessage()).contains("« Poste fixe »");
            });
  }

  @Test
  void shouldSkipTheRequestOfABeneficiaryThatNoLongerHasAReuseCommitment() {
    // given
    DonationRequest request =
        openRequest(
            registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 5, AssetCategory.DESKTOP);
    Beneficiary b = registry.find(request.beneficiaryId()).orElseThrow();
    BeneficiaryForm withdrawn = BeneficiaryForm.of(b);
    registry.update(
        b.id(),
        new BeneficiaryForm(
            withdrawn.name(),
            withdrawn.siret(),
            null,
            withdrawn.legalCategory(),
            withdrawn.address(),
            null,
            withdrawn.contactEmail(),
            null,
            null,
            true),
        null,
        "gestionnaire");
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");

    // when / then
    assertThatThrownBy(() -> match(asset, "120"))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.NO_BENEFICIARY_AVAILABLE);
              assertThat(e.getErrorMessage()).contains("1 demande(s) écartée(s)");
            });
  }

  @Test
  void shouldPrepareTheAgreementOnceWithTheClausesSerialsAndCertificates() throws IOException {
    // given
    openRequest(
        registry,
        "Parents d'élèves du lycée Corneille",
        LegalCategory.PARENTS_ASSOCIATION,
        2,
        AssetCategory.DESKTOP);
    Asset asset =
        assets.sanitizedThen(
            AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "WD-AAA111", "S4-NVME-222");
    DonationWorkers.MatchOutput proposal = match(asset, "85.50");
    ActivatedJob job = job(JobTypes.PREPARE_AGREEMENT);
    int custodyBefore = inventory.custodyOf(asset.id()).size();

    // when: the job is delivered twice
    AgreementVariable first =
        workers
            .prepareAgreement(
                job,
                asset.id(),
                proposal.donation(),
                new Approval(true, null, "Accordé"),
                proposal.legalCheck())
            .donationAgreement();
    AgreementVariable second =
        workers
            .prepareAgreement(
                job,
                asset.id(),
                proposal.donation(),
                new Approval(true, null, "Accordé"),
                proposal.legalCheck())
            .donationAgreement();

    // then
    assertThat(second).isEqualTo(first);
    assertThat(first.agreementId()).matches("CG-\\d{4}-\\d{6}");
    assertThat(donations.findByAsset(asset.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DonationStatus.AGREED));
    assertThat(documents.ownedBy("asset:" + asset.inventoryNumber()))
        .filteredOn(d -> d.kind() == DocumentKind.DONATION_AGREEMENT)
        .singleElement()
        .satisfies(d -> assertThat(d.publicId()).isEqualTo(first.documentRef()));
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody).hasSize(custodyBefore + 1);
    StoredDocument pdf = documents.find(first.documentRef()).orElseThrow();
    assertThat(custody.get(custody.size() - 1).evidence()).isEqualTo(pdf.evidence());

    String text = text(documents.content(pdf));
    assertThat(text)
        .contains(
            "Convention de cession à titre gratuit",
            first.agreementId(),
            "Parents d'élèves du lycée Corneille",
            "Association de parents d'élèves",
            "L3212-2 3°",
            "L3212-3",
            "300 €",
            "D3212-3",
            "valeur résiduelle retenue : 85,50\u00a0€",
            asset.inventoryNumber(),
            asset.serialNumber(),
            "WD-AAA111",
            "S4-NVME-222",
            "Interdiction de revente",
            "DEEE",
            "transférés au bénéficiaire",
            "Pour le cédant",
            "Pour le bénéficiaire");
    assertThat(text).doesNotContain("prix solidaire");
    // one line per certificate cited by the chain of custody
    assertThat(text.split("Certificat d'effacement CE-", -1)).hasSize(3);
    // the settings' accents survive (application.properties is read as ISO-8859-1)
    assertThat(text).contains("le directeur général ou son délégataire");
  }

  @Test
  void shouldWriteTheSolidarityPriceClauseForAPublicUtilityAssociation() throws IOException {
    // given
    openRequest(
        registry,
        "Les Restos du Cœur",
        LegalCategory.PUBLIC_UTILITY_ASSOCIATION,
        2,
        AssetCategory.LAPTOP);
    Asset laptop = assets.sanitizedThen(AssetCategory.LAPTOP, AssetStatus.DONATION_PENDING, "S1");
    DonationWorkers.MatchOutput proposal =
        workers.matchBeneficiary(
            job(JobTypes.MATCH_BENEFICIARY), laptop.id(), assessment("4", "150"), "PASSED");

    // when
    AgreementVariable agreement =
        prepare(laptop, proposal.donation(), job(JobTypes.PREPARE_AGREEMENT));

    // then
    String text = text(documents.content(documents.find(agreement.documentRef()).orElseThrow()));
    assertThat(text)
        .contains(
            "Revente à prix solidaire uniquement",
            "180,00\u00a0€ TTC",
            "personnes en situation de précarité")
        .doesNotContain("Interdiction de revente");
  }

  @Test
  void shouldThrowRequestClosedWhenTheRequestWasClosedMeanwhile() {
    // given
    DonationRequest request =
        openRequest(
            registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 5, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    DonationWorkers.MatchOutput proposal = match(asset, "100");
    registry.closeRequest(request.id(), "Local plein");
    int custody = inventory.custodyOf(asset.id()).size();

    // when / then
    assertThatThrownBy(() -> prepare(asset, proposal.donation(), job(JobTypes.PREPARE_AGREEMENT)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.DONATION_REQUEST_CLOSED));
    assertThat(donations.findByAsset(asset.id())).isEmpty();
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody);
  }

  @Test
  void shouldThrowRequestClosedWhenAnotherAssetFilledTheRequestMeanwhile() {
    // given: one place, two assets proposed to it
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset first = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    Asset second = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S2");
    DonationWorkers.MatchOutput firstProposal = match(first, "100");
    DonationWorkers.MatchOutput secondProposal = match(second, "100");
    prepare(first, firstProposal.donation(), job(JobTypes.PREPARE_AGREEMENT));

    // when / then
    assertThatThrownBy(
            () -> prepare(second, secondProposal.donation(), job(JobTypes.PREPARE_AGREEMENT)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.DONATION_REQUEST_CLOSED);
              assertThat(e.getErrorMessage()).contains("complète");
            });
    // and the next search finds nothing for it
    assertThatThrownBy(() -> match(second, "100"))
        .hasFieldOrPropertyWithValue("errorCode", ErrorCodes.NO_BENEFICIARY_AVAILABLE);
  }

  @Test
  void shouldGiveTheLastPlaceOfARequestToOneOfTwoAgreementsPreparedAtOnce() throws Exception {
    // given: one place, two assets proposed to it, both approved at the same moment
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset first = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S3");
    Asset second = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S4");
    DonationWorkers.MatchOutput firstProposal = match(first, "100");
    DonationWorkers.MatchOutput secondProposal = match(second, "100");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);

    // when
    List<Future<AgreementVariable>> prepared =
        List.of(
            pool.submit(
                () -> {
                  start.await();
                  return prepare(first, firstProposal.donation(), job(JobTypes.PREPARE_AGREEMENT));
                }),
            pool.submit(
                () -> {
                  start.await();
                  return prepare(
                      second, secondProposal.donation(), job(JobTypes.PREPARE_AGREEMENT));
                }));
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<AgreementVariable> agreement : prepared) {
      try {
        agreement.get(30, TimeUnit.SECONDS);
        outcomes.add("AGREED");
      } catch (ExecutionException e) {
        outcomes.add(
            e.getCause() instanceof BpmnError error
                ? error.getErrorCode()
                : e.getCause().toString());
      }
    }
    pool.shutdown();

    // then: one agreement, the other told the request is complete
    assertThat(outcomes).containsExactlyInAnyOrder("AGREED", ErrorCodes.DONATION_REQUEST_CLOSED);
    assertThat(donations.findAll()).filteredOn(d -> d.status() == DonationStatus.AGREED).hasSize(1);
  }

  @Test
  void shouldNameTheDirectorInTheAgreementAndTheTechnicianInTheHandoverEntry() throws IOException {
    // given: the director approved and the technician handed over in the inbox
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    DonationWorkers.MatchOutput proposal = match(asset, "100");
    ActivatedJob approved =
        completedBy(
            job(JobTypes.PREPARE_AGREEMENT), "cdubois", "Claire Dubois", "approve-donation");
    ActivatedJob handedOver =
        completedBy(
            job(JobTypes.RECORD_HANDOVER), "cmartin", "Camille Martin", "hand-over-equipment");

    // when
    DonationWorkers.AgreementOutput output =
        workers.prepareAgreement(
            approved,
            asset.id(),
            proposal.donation(),
            new Approval(true, null, "Accordé"),
            proposal.legalCheck());
    Map<String, Object> handoverOutput =
        workers.recordHandover(
            handedOver,
            asset.id(),
            output.donationAgreement(),
            new HandoverVariable(
                clock.today().toString(), "Jean Dupont", "Président", "BR-1", List.of(), null));

    // then: the agreement names the director, the chain names both, completedBy is cleared
    String text =
        text(
            documents.content(
                documents.find(output.donationAgreement().documentRef()).orElseThrow()));
    assertThat(text).contains("approuvée par Claire Dubois");
    AgreementVariable agreement = output.donationAgreement();
    assertThat(agreement.receiptNumber())
        .isEqualTo("RR-" + agreement.agreementId().substring("CG-".length()));
    // (a number cut at the end of a line comes out with a space after its dash)
    String receipt =
        text(documents.content(documents.find(agreement.receiptRef()).orElseThrow()))
            .replace("- ", "-");
    assertThat(receipt)
        .contains(
            "Reçu de remise de matériel informatique",
            "Reçu n° " + agreement.receiptNumber(),
            "convention de cession à titre gratuit n° " + agreement.agreementId(),
            "Restos",
            asset.inventoryNumber(),
            "SSD SATA/SAS S1",
            "Cession approuvée par Claire Dubois",
            "[ ] écran",
            "Pour le cédant, remis par",
            "Pour le bénéficiaire Restos, reçu par");
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody.get(custody.size() - 2).actor())
        .isEqualTo("Claire Dubois [cdubois] via worker:donation.prepare-agreement");
    assertThat(custody.get(custody.size() - 1).actor())
        .isEqualTo("Camille Martin [cmartin] via worker:donation.record-handover");
    assertThat(custody.get(custody.size() - 1).details()).startsWith("Remis par Camille Martin");
    assertThat(output.completedBy()).isNull();
    assertThat(handoverOutput).containsEntry("completedBy", null);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldSaySystemWhenTheApprovalWasNotCompletedInTheInbox() throws IOException {
    // given: completedBy names the person of another task (the approval went through the API)
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    DonationWorkers.MatchOutput proposal = match(asset, "100");
    ActivatedJob job =
        completedBy(job(JobTypes.PREPARE_AGREEMENT), "cmartin", "Camille Martin", "collect-asset");

    // when
    AgreementVariable agreement =
        workers
            .prepareAgreement(
                job,
                asset.id(),
                proposal.donation(),
                new Approval(true, null, null),
                proposal.legalCheck())
            .donationAgreement();

    // then
    String text = text(documents.content(documents.find(agreement.documentRef()).orElseThrow()));
    assertThat(text)
        .contains("approuvée par le directeur de l'établissement ou son délégataire")
        .doesNotContain("Camille Martin");
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody.get(custody.size() - 1).actor())
        .isEqualTo("worker:donation.prepare-agreement");
  }

  static ActivatedJob completedBy(
      ActivatedJob job, String userId, String displayName, String taskElementId) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(
        "completedBy",
        Map.of("userId", userId, "displayName", displayName, "taskElementId", taskElementId));
    org.mockito.Mockito.when(job.getVariablesAsMap()).thenReturn(variables);
    return job;
  }

  @Test
  void shouldRecordTheHandoverOnceAndFulfilTheRequest() {
    // given
    DonationRequest request =
        openRequest(
            registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    AgreementVariable agreement =
        prepare(asset, match(asset, "100").donation(), job(JobTypes.PREPARE_AGREEMENT));
    ActivatedJob job = job(JobTypes.RECORD_HANDOVER);
    HandoverVariable handover =
        new HandoverVariable(
            clock.today().toString(),
            "Jean Dupont",
            "Responsable du centre de Rouen",
            "BR-2025-117",
            List.of("COMPUTER", "POWER_SUPPLY"),
            null);
    int custodyBefore = inventory.custodyOf(asset.id()).size();

    // when: delivered twice
    workers.recordHandover(job, asset.id(), agreement, handover);
    workers.recordHandover(job, asset.id(), agreement, handover);

    // then
    assertThat(donations.findByAsset(asset.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(DonationStatus.HANDED_OVER);
              assertThat(d.signedReceiptRef()).isEqualTo("BR-2025-117");
              assertThat(d.recipientName()).isEqualTo("Jean Dupont");
            });
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody).hasSize(custodyBefore + 1);
    assertThat(custody.get(custody.size() - 1))
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.HANDOVER);
              assertThat(e.details())
                  .contains(
                      "Jean Dupont", "BR-2025-117", agreement.agreementId(), "chargeur", "DEEE");
              assertThat(e.evidence()).startsWith("DONATION_AGREEMENT " + agreement.documentRef());
            });
    BeneficiaryRegistry.RequestRow row = registry.request(request.id()).orElseThrow();
    assertThat(row.received()).isEqualTo(1);
    assertThat(row.request().status()).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  void shouldLetTheAssetLeaveOnlyThroughTheInventoryAfterItsSanitization() {
    // given: an asset still in service, never wiped
    Asset unsanitized = assets.inService(AssetCategory.DESKTOP);
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    DonationRequest request = registry.requests().get(0).request();
    DonationVariable donation =
        new DonationVariable(request.beneficiaryId(), "Restos", null, null, request.id());

    // when / then: no agreement is prepared for it…
    assertThatThrownBy(() -> prepare(unsanitized, donation, job(JobTypes.PREPARE_AGREEMENT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("« En service »");
    // …and the inventory refuses to let it leave as donated
    assertThatThrownBy(
            () ->
                inventory.changeStatus(
                    new ChangeStatus(
                        unsanitized.inventoryNumber(), AssetStatus.DONATED, "w", null, null, "x")))
        .isInstanceOf(IllegalStatusTransitionException.class);
    assertThatThrownBy(
            () -> assets.move(unsanitized.inventoryNumber(), AssetStatus.DONATION_PENDING))
        .isInstanceOf(IllegalStatusTransitionException.class);
    assertThat(donations.findByAsset(unsanitized.id())).isEmpty();
  }

  @Test
  void shouldSendAHandoverDatedInTheFutureBackToTheTechnicianWithTheReason() {
    // given
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    AgreementVariable agreement =
        prepare(asset, match(asset, "100").donation(), job(JobTypes.PREPARE_AGREEMENT));

    // when / then
    assertThatThrownBy(
            () ->
                workers.recordHandover(
                    job(JobTypes.RECORD_HANDOVER),
                    asset.id(),
                    agreement,
                    new HandoverVariable(
                        clock.today().plusDays(3).toString(),
                        "J. D.",
                        "Président",
                        "BR-1",
                        List.of(),
                        null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.HANDOVER_REFUSED);
              assertThat(e.getErrorMessage()).contains("est dans le futur");
              assertThat(e.getVariables())
                  .isEqualTo(Map.of(Variables.TASK_REFUSAL, e.getErrorMessage()));
            });
    assertThat(donations.findByAsset(asset.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DonationStatus.AGREED));
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }
}
