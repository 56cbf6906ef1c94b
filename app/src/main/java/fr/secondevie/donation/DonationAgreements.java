package fr.secondevie.donation;

import static fr.secondevie.donation.DonationCommands.asset;
import static fr.secondevie.donation.DonationCommands.requirePending;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval and agreement command of a donation: allocate the asset to the approved request,
 * generate the agreement and the receipt to sign (PDF), cite the agreement in the chain of custody,
 * in one transaction, idempotent by its operation id; and find that receipt again for the
 * donation's page.
 */
@Service
@Transactional
class DonationAgreements {

  static final String ACTOR = "worker:donation.prepare-agreement";

  private final BeneficiaryRepository beneficiaries;
  private final DonationRequestRepository requests;
  private final DonationRepository donations;
  private final BeneficiaryRegistry registry;
  private final InventoryService inventory;
  private final DocumentService documents;
  private final AgreementRenderer agreements;
  private final Clock clock;

  DonationAgreements(
      BeneficiaryRepository beneficiaries,
      DonationRequestRepository requests,
      DonationRepository donations,
      BeneficiaryRegistry registry,
      InventoryService inventory,
      DocumentService documents,
      AgreementRenderer agreements,
      Clock clock) {
    this.beneficiaries = beneficiaries;
    this.requests = requests;
    this.donations = donations;
    this.registry = registry;
    this.inventory = inventory;
    this.documents = documents;
    this.agreements = agreements;
    this.clock = clock;
  }

  /**
   * The agreement of an asset's donation (process variable {@code donationAgreement}) and the
   * receipt to print and sign at the handover.
   *
   * @param receiptNumber the receipt's number ({@code RR-…}, from the agreement's)
   * @param receiptRef the public id of the receipt's PDF, or null (agreement prepared before)
   */
  record Agreement(
      String agreementId, String documentRef, String receiptNumber, String receiptRef) {}

  /** "CG-2026-000001" → "RR-2026-000001": the receipt to sign at the handover. */
  static String receiptNumber(String agreementNumber) {
    return "RR-" + agreementNumber.substring(agreementNumber.indexOf('-') + 1);
  }

  /**
   * Allocates the asset to the request and generates the agreement (PDF), stored as a document and
   * cited in the chain of custody. A former agreement of the same asset not yet handed over is
   * cancelled (its place in its request is freed).
   *
   * @param legalCheck the check shown to the director (printed in the agreement), or null
   * @throws DonationExceptions.RequestClosed the request can no longer take the asset
   * @throws IllegalStateException the asset is not pending donation
   */
  // READ COMMITTED: under REPEATABLE READ the places counted after the request's lock came from the
  // snapshot of the first read, before it, and two agreements could take the last place.
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public Agreement prepareAgreement(
      long assetId,
      long requestId,
      Proposal.LegalCheck legalCheck,
      String approvalComment,
      String operationId) {
    return prepareAgreement(
        assetId, requestId, legalCheck, approvalComment, Optional.empty(), operationId);
  }

  /**
   * {@link #prepareAgreement(long, long, Proposal.LegalCheck, String, String)} for an approval by a
   * known person (the director or delegate who completed {@code approve-donation}): named in the
   * agreement and in the custody entry.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public Agreement prepareAgreement(
      long assetId,
      long requestId,
      Proposal.LegalCheck legalCheck,
      String approvalComment,
      Optional<CompletedBy> approver,
      String operationId) {
    Optional<Donation> done = donations.findByOperationId(operationId);
    if (done.isPresent()) {
      return agreement(done.get(), asset(inventory, assetId));
    }
    Asset asset = asset(inventory, assetId);
    requirePending(asset, "la convention ne peut être établie");
    requests.lock(requestId);
    DonationRequest request =
        requests
            .findById(requestId)
            .orElseThrow(
                () ->
                    new DonationExceptions.RequestClosed(
                        "La demande n° " + requestId + " n'existe plus."));
    Beneficiary beneficiary = beneficiaries.findById(request.beneficiaryId()).orElseThrow();
    if (!request.isOpen()) {
      throw new DonationExceptions.RequestClosed(
          "La demande n° %d de « %s » est %s."
              .formatted(requestId, beneficiary.name(), request.status().label().toLowerCase()));
    }
    if (!beneficiary.eligible()) {
      throw new DonationExceptions.RequestClosed(
          "« %s » ne peut plus recevoir de matériel informatique : %s."
              .formatted(beneficiary.name(), beneficiary.ineligibilityReason()));
    }
    List<Donation> earlier = donations.findByAsset(assetId);
    if (earlier.stream().anyMatch(d -> d.status() == DonationStatus.HANDED_OVER)) {
      throw new IllegalStateException(
          "L'équipement " + asset.inventoryNumber() + " a déjà été remis à un bénéficiaire.");
    }
    earlier.stream()
        .filter(d -> d.status() == DonationStatus.AGREED)
        .forEach(
            d -> {
              d.cancel();
              donations.save(d);
            });
    if (registry.row(request, beneficiary).remaining() == 0) {
      throw new DonationExceptions.RequestClosed(
          "La demande n° %d de « %s » est complète (%d équipement(s) déjà attribué(s))."
              .formatted(requestId, beneficiary.name(), request.quantity()));
    }
    Instant now = clock.instant();
    String agreementActor = approver.map(a -> a.actor(ACTOR)).orElse(ACTOR);
    Donation donation =
        donations.save(
            Donation.allocate(
                request, assetId, asset.inventoryNumber(), approvalComment, operationId, now));
    donation.number(now);
    byte[] pdf =
        agreements.render(
            donation,
            beneficiary,
            asset,
            legalCheck,
            certificatesOf(asset),
            approvalComment,
            approver.map(CompletedBy::displayName).orElse(null),
            now);
    StoredDocument stored =
        documents.store(
            NewDocument.pdf(
                DocumentKind.DONATION_AGREEMENT,
                "convention-cession-" + donation.agreementNumber() + ".pdf",
                pdf,
                "asset:" + asset.inventoryNumber(),
                agreementActor));
    donation.attachAgreement(stored.publicId());
    donations.save(donation);
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.EVIDENCE,
            agreementActor,
            "Convention de cession gratuite %s au bénéfice de « %s » (%s), demande n° %d%s"
                .formatted(
                    donation.agreementNumber(),
                    beneficiary.name(),
                    beneficiary.identifiers(),
                    requestId,
                    approver.map(a -> ", cession approuvée par " + a.displayName()).orElse("")),
            stored.evidence(),
            operationId));
    String receiptNumber = receiptNumber(donation.agreementNumber());
    StoredDocument receipt =
        documents.store(
            NewDocument.pdf(
                DocumentKind.HANDOVER_RECEIPT_FORM,
                receiptFilename(receiptNumber),
                agreements.renderReceipt(
                    receiptNumber,
                    donation,
                    beneficiary,
                    asset,
                    approver.map(CompletedBy::displayName).orElse(null),
                    now),
                "asset:" + asset.inventoryNumber(),
                agreementActor));
    return new Agreement(
        donation.agreementNumber(), stored.publicId(), receiptNumber, receipt.publicId());
  }

  private static String receiptFilename(String receiptNumber) {
    return "recu-remise-" + receiptNumber + ".pdf";
  }

  /** The receipt to print and sign produced with the donation's agreement, if any. */
  @Transactional(readOnly = true)
  public Optional<StoredDocument> receiptForm(Donation donation) {
    String filename = receiptFilename(receiptNumber(donation.agreementNumber()));
    return documents.ownedBy("asset:" + donation.inventoryNumber()).stream()
        .filter(d -> d.kind() == DocumentKind.HANDOVER_RECEIPT_FORM)
        .filter(d -> d.filename().equals(filename))
        .findFirst();
  }

  /** The agreement already prepared, with its receipt when one was produced. */
  private Agreement agreement(Donation donation, Asset asset) {
    String receiptNumber = receiptNumber(donation.agreementNumber());
    String receiptRef =
        documents.ownedBy("asset:" + asset.inventoryNumber()).stream()
            .filter(d -> d.kind() == DocumentKind.HANDOVER_RECEIPT_FORM)
            .filter(d -> d.filename().equals(receiptFilename(receiptNumber)))
            .map(StoredDocument::publicId)
            .findFirst()
            .orElse(null);
    return new Agreement(
        donation.agreementNumber(), donation.agreementDocumentId(), receiptNumber, receiptRef);
  }

  /**
   * The certificates of the asset's storage media (wipe or destruction), as its chain of custody
   * cites them: evidence entries citing a stored certificate ({@code StoredDocument.evidence()}).
   */
  List<AgreementRenderer.Certificate> certificatesOf(Asset asset) {
    return inventory.custodyOf(asset.id()).stream()
        .filter(e -> e.action() == CustodyAction.EVIDENCE)
        .filter(
            e ->
                e.evidence() != null
                    && (e.evidence().startsWith(DocumentKind.SANITIZATION_CERTIFICATE.name() + " ")
                        || e.evidence()
                            .startsWith(DocumentKind.DESTRUCTION_CERTIFICATE.name() + " ")))
        .map(e -> new AgreementRenderer.Certificate(e.details(), e.evidence(), e.occurredAt()))
        .toList();
  }
}
