package fr.secondevie.donation;

import static fr.secondevie.donation.DonationFixtures.job;
import static fr.secondevie.donation.DonationFixtures.openRequest;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.donation.DonationWorkers.AgreementVariable;
import fr.secondevie.donation.DonationWorkers.Approval;
import fr.secondevie.donation.DonationWorkers.HandoverVariable;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.TestClock;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same donation job delivered to two workers at the same instant (two threads released
 * together): one donation, one agreement document, one custody entry. Same context as {@link
 * DonationWorkersTests}.
 */
@SpringBootTest
class DonationDoubleDeliveryTests {

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

  DonationWorkers.MatchOutput match(Asset asset) {
    return workers.matchBeneficiary(
        job(JobTypes.MATCH_BENEFICIARY),
        asset.id(),
        DonationWorkersTests.assessment("6.2", "100"),
        "PASSED");
  }

  @Test
  void shouldProposeOneDonationWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given: a request for two desktops
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 2, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    ActivatedJob job = job(JobTypes.MATCH_BENEFICIARY);
    int custodyBefore = inventory.custodyOf(asset.id()).size();

    // when
    List<DonationWorkers.MatchOutput> proposals =
        DoubleDelivery.answers(
            DoubleDelivery.twiceAtOnce(
                () ->
                    workers.matchBeneficiary(
                        job, asset.id(), DonationWorkersTests.assessment("6.2", "100"), "PASSED")));

    // then: the same proposal to both deliveries, written once in the chain of custody
    assertThat(proposals).containsOnly(proposals.get(0));
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody.subList(custodyBefore, custody.size()))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(DonationProposals.ACTOR));
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldPrepareOneAgreementWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    openRequest(
        registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 2, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    DonationWorkers.MatchOutput proposal = match(asset);
    ActivatedJob job = job(JobTypes.PREPARE_AGREEMENT);
    int documentsBefore = documents.ownedBy("asset:" + asset.inventoryNumber()).size();
    int custodyBefore = inventory.custodyOf(asset.id()).size();

    // when
    List<DoubleDelivery.Outcome<AgreementVariable>> outcomes =
        DoubleDelivery.twiceAtOnce(
            () ->
                workers
                    .prepareAgreement(
                        job,
                        asset.id(),
                        proposal.donation(),
                        new Approval(true, null, "Accordé"),
                        proposal.legalCheck())
                    .donationAgreement());

    // then: both deliveries complete (no refusal) with the same agreement, written once
    DoubleDelivery.allAnswered(outcomes);
    List<AgreementVariable> agreements = DoubleDelivery.answers(outcomes);
    assertThat(agreements).containsOnly(agreements.get(0));
    assertThat(donations.findByAsset(asset.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DonationStatus.AGREED));
    // the agreement and the receipt to sign at the handover
    assertThat(documents.ownedBy("asset:" + asset.inventoryNumber())).hasSize(documentsBefore + 2);
    assertThat(inventory.custodyOf(asset.id())).hasSize(custodyBefore + 1);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldRecordOneHandoverWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    DonationRequest request =
        openRequest(
            registry, "Restos", LegalCategory.PUBLIC_UTILITY_ASSOCIATION, 1, AssetCategory.DESKTOP);
    Asset asset = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.DONATION_PENDING, "S1");
    DonationWorkers.MatchOutput proposal = match(asset);
    AgreementVariable agreement =
        workers
            .prepareAgreement(
                job(JobTypes.PREPARE_AGREEMENT),
                asset.id(),
                proposal.donation(),
                new Approval(true, null, "Accordé"),
                proposal.legalCheck())
            .donationAgreement();
    ActivatedJob job = job(JobTypes.RECORD_HANDOVER);
    HandoverVariable handover =
        new HandoverVariable(
            clock.today().toString(),
            "Jean Dupont",
            "Responsable du centre de Rouen",
            "BR-2025-117",
            List.of("COMPUTER"),
            null);
    int custodyBefore = inventory.custodyOf(asset.id()).size();

    // when
    List<DoubleDelivery.Outcome<Object>> outcomes =
        DoubleDelivery.twiceAtOnce(
            () -> {
              workers.recordHandover(job, asset.id(), agreement, handover);
              return null;
            });

    // then: both deliveries complete (the second finds the first's handover), no refusal
    DoubleDelivery.allAnswered(outcomes);
    // and: one handover entry, the request fulfilled once
    assertThat(donations.findByAsset(asset.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DonationStatus.HANDED_OVER));
    List<CustodyEntry> custody = inventory.custodyOf(asset.id());
    assertThat(custody.subList(custodyBefore, custody.size()))
        .extracting(CustodyEntry::action)
        .containsExactly(CustodyAction.HANDOVER);
    BeneficiaryRegistry.RequestRow row = registry.request(request.id()).orElseThrow();
    assertThat(row.received()).isEqualTo(1);
    assertThat(row.request().status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }
}
