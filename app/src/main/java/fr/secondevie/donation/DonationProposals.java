package fr.secondevie.donation;

import static fr.secondevie.donation.DonationCommands.DATE;
import static fr.secondevie.donation.DonationCommands.asset;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyText;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.SanitizationOutcomes;
import fr.secondevie.routing.DonationLimits;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal command of a donation: check the law for the asset, then search the oldest open
 * request that can take it and note the proposal in the chain of custody, in one transaction.
 */
@Service
@Transactional
class DonationProposals {

  static final String ACTOR = "worker:donation.match-beneficiary";

  private final BeneficiaryRepository beneficiaries;
  private final DonationRequestRepository requests;
  private final BeneficiaryRegistry registry;
  private final InventoryService inventory;
  private final DonationLimits donationLimits;

  DonationProposals(
      BeneficiaryRepository beneficiaries,
      DonationRequestRepository requests,
      BeneficiaryRegistry registry,
      InventoryService inventory,
      DonationLimits donationLimits) {
    this.beneficiaries = beneficiaries;
    this.requests = requests;
    this.registry = registry;
    this.inventory = inventory;
    this.donationLimits = donationLimits;
  }

  /**
   * Checks the law for the asset, then proposes the oldest open request that wants its category and
   * whose beneficiary is eligible. Nothing is reserved: the agreement allocates.
   *
   * @param ageYears from the assessment, or null
   * @param residualUnitValue euros, from the assessment, or null
   * @throws DonationExceptions.NotEligible the law forbids the donation
   * @throws DonationExceptions.NoBeneficiaryAvailable no request can take the asset now
   */
  public Proposal propose(
      long assetId,
      BigDecimal ageYears,
      BigDecimal residualUnitValue,
      String sanitizationOutcome,
      String operationId) {
    Asset asset = asset(inventory, assetId);
    DonationLimits.Limits limits = donationLimits.current();
    DonationLaw.AssetCheck check =
        DonationLaw.check(
            new DonationLaw.AssetFacts(
                asset.category(), ageYears, residualUnitValue, sanitizationOutcome),
            limits.maxAgeYears(),
            limits.unitValueCap());
    if (!check.passed()) {
      throw new DonationExceptions.NotEligible(check);
    }
    int skipped = 0;
    for (DonationRequest request : requests.findOpenOldestFirst()) {
      if (!request.wants(asset.category())) {
        continue;
      }
      Beneficiary beneficiary = beneficiaries.findById(request.beneficiaryId()).orElseThrow();
      if (!beneficiary.eligible()) {
        skipped++;
        continue;
      }
      if (registry.row(request, beneficiary).remaining() == 0) {
        continue;
      }
      Proposal proposal =
          new Proposal(beneficiary, request, Proposal.LegalCheck.of(check, beneficiary));
      inventory.appendCustody(
          new AppendCustody(
              asset.inventoryNumber(),
              CustodyAction.NOTE,
              ACTOR,
              "Don proposé à « %s » (%s, %s), demande n° %d ; contrôle de légalité : âge %s,"
                      .formatted(
                          beneficiary.name(),
                          beneficiary.legalCategory().label(),
                          beneficiary.legalCategory().legalBasis(),
                          request.id(),
                          CustodyText.years(ageYears))
                  + " valeur unitaire %s (plafond 300,00 €), %s, engagement de réemploi signé le %s"
                      .formatted(
                          CustodyText.euros(residualUnitValue),
                          sanitization(sanitizationOutcome),
                          DATE.format(beneficiary.reuseCommitmentSignedOn())),
              null,
              operationId));
      return proposal;
    }
    throw new DonationExceptions.NoBeneficiaryAvailable(
        "Aucune demande ouverte d'un bénéficiaire éligible ne porte sur la catégorie « "
            + asset.category().label()
            + " »"
            + (skipped == 0
                ? ""
                : " (" + skipped + " demande(s) écartée(s) : bénéficiaire non éligible)")
            + ".");
  }

  /** The sanitization outcome of the legal check in words. */
  static String sanitization(String outcome) {
    if (outcome == null) {
      return "effacement non renseigné";
    }
    return switch (outcome) {
      case SanitizationOutcomes.PASSED -> "supports effacés avec certificat";
      case SanitizationOutcomes.MEDIA_DESTROYED -> "supports détruits avec preuve";
      case SanitizationOutcomes.NO_STORAGE -> "aucun support de stockage";
      default -> "effacement « " + outcome + " »";
    };
  }
}
