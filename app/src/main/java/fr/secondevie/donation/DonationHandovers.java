package fr.secondevie.donation;

import static fr.secondevie.donation.DonationCommands.DATE;
import static fr.secondevie.donation.DonationCommands.asset;
import static fr.secondevie.donation.DonationCommands.requirePending;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handover commands of a donation: record the signed handover (ownership and custody pass to
 * the beneficiary, the request fulfilled once complete), idempotent by its operation id; and attach
 * the scan of the signed receipt, cited in the asset's chain of custody. Each in one transaction.
 */
@Service
@Transactional
class DonationHandovers {

  static final String ACTOR = "worker:donation.record-handover";

  private final BeneficiaryRepository beneficiaries;
  private final DonationRequestRepository requests;
  private final DonationRepository donations;
  private final BeneficiaryRegistry registry;
  private final InventoryService inventory;
  private final DocumentService documents;
  private final Clock clock;

  DonationHandovers(
      BeneficiaryRepository beneficiaries,
      DonationRequestRepository requests,
      DonationRepository donations,
      BeneficiaryRegistry registry,
      InventoryService inventory,
      DocumentService documents,
      Clock clock) {
    this.beneficiaries = beneficiaries;
    this.requests = requests;
    this.donations = donations;
    this.registry = registry;
    this.inventory = inventory;
    this.documents = documents;
    this.clock = clock;
  }

  /**
   * Records the signed handover: ownership and custody pass to the beneficiary. The request is
   * fulfilled once its quantity has been handed over.
   *
   * @throws IllegalArgumentException the agreement is unknown; {@link
   *     DonationExceptions.HandoverRefused} the handover is incomplete or dated before the
   *     agreement or in the future (nothing is written)
   * @throws IllegalStateException the asset is not pending donation, or was handed over already
   */
  public Donation recordHandover(
      long assetId, String agreementNumber, Handover handover, String operationId) {
    return recordHandover(assetId, agreementNumber, handover, Optional.empty(), operationId);
  }

  /**
   * {@link #recordHandover(long, String, Handover, String)} by a known person (who completed {@code
   * hand-over-equipment}): named in the custody entry.
   */
  public Donation recordHandover(
      long assetId,
      String agreementNumber,
      Handover handover,
      Optional<CompletedBy> handedOverBy,
      String operationId) {
    Donation donation =
        donations
            .findByAgreementNumber(agreementNumber)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Expected the agreement " + agreementNumber + " but found none"));
    if (donation.assetId() != assetId) {
      throw new IllegalArgumentException(
          "The agreement %s is for asset %d, not %d"
              .formatted(agreementNumber, donation.assetId(), assetId));
    }
    if (donation.status() == DonationStatus.HANDED_OVER) {
      if (operationId.equals(donation.handoverOperationId())) {
        return donation;
      }
      throw new IllegalStateException(
          "L'équipement " + donation.inventoryNumber() + " a déjà été remis.");
    }
    if (donation.status() == DonationStatus.CANCELLED) {
      throw new IllegalStateException(
          "La convention " + agreementNumber + " a été annulée par une convention ultérieure.");
    }
    Asset asset = asset(inventory, assetId);
    requirePending(asset, "la remise ne peut être enregistrée");
    checkHandover(handover, donation);
    Beneficiary beneficiary = beneficiaries.findById(donation.beneficiaryId()).orElseThrow();
    donation.handOver(handover, operationId, clock.instant());
    donations.save(donation);
    DonationRequest request = requests.findById(donation.requestId()).orElseThrow();
    if (registry.row(request, beneficiary).received() >= request.quantity()) {
      request.fulfil(clock.instant());
      requests.save(request);
    }
    String agreementEvidence =
        documents.find(donation.agreementDocumentId()).map(StoredDocument::evidence).orElse("");
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.HANDOVER,
            handedOverBy.map(p -> p.actor(ACTOR)).orElse(ACTOR),
            ("Remis%s à « %s » le %s, signataire %s (%s), bon de remise signé n° %s, convention %s"
                    + "%s ; propriété, garde et responsabilité DEEE transférées au bénéficiaire")
                .formatted(
                    handedOverBy.map(p -> " par " + p.displayName()).orElse(""),
                    beneficiary.name(),
                    DATE.format(handover.handedOverOn()),
                    handover.recipientName(),
                    handover.recipientRole(),
                    handover.signedReceiptRef(),
                    agreementNumber,
                    handover.items().isEmpty()
                        ? ""
                        : " ; éléments remis : " + HandoverItems.labels(handover.items())),
            agreementEvidence + " ; bon de remise " + handover.signedReceiptRef(),
            operationId));
    return donation;
  }

  /** The receipt policy: a signed receipt is scanned to PDF. */
  static final fr.secondevie.documents.UploadPolicy RECEIPT_POLICY =
      fr.secondevie.documents.UploadPolicy.PDF_ONLY;

  @Transactional(readOnly = true)
  public Optional<Donation> find(long donationId) {
    return donations.findById(donationId);
  }

  /**
   * Stores the scan of the signed receipt of a handed-over donation and cites it in the asset's
   * chain of custody.
   *
   * @throws InvalidInputException under {@code file}: the file is refused by {@link
   *     #RECEIPT_POLICY}, or the donation was not handed over yet; nothing is stored
   */
  public StoredDocument attachReceipt(
      long donationId, String filename, byte[] content, String actor) {
    Donation donation =
        donations
            .findById(donationId)
            .orElseThrow(
                () -> InvalidInputException.of("file", "Aucun don n° " + donationId + "."));
    if (donation.status() != DonationStatus.HANDED_OVER) {
      throw InvalidInputException.of(
          "file", "Le bon de remise se dépose une fois l'équipement remis.");
    }
    StoredDocument stored =
        documents.storeUpload(
            RECEIPT_POLICY,
            DocumentKind.HANDOVER_RECEIPT,
            filename,
            content,
            "asset:" + donation.inventoryNumber(),
            actor);
    donation.attachReceipt(stored.publicId());
    donations.save(donation);
    inventory.appendCustody(
        new AppendCustody(
            donation.inventoryNumber(),
            CustodyAction.EVIDENCE,
            actor,
            "Bon de remise signé n° %s (convention %s)"
                .formatted(donation.signedReceiptRef(), donation.agreementNumber()),
            stored.evidence(),
            "donation-receipt-" + stored.publicId()));
    return stored;
  }

  /** Every problem of the handover, in French, before anything is written. */
  private void checkHandover(Handover handover, Donation donation) {
    List<String> problems = new ArrayList<>();
    LocalDate on = handover.handedOverOn();
    if (on == null) {
      problems.add("Indiquez la date de la remise.");
    } else {
      LocalDate today = LocalDate.now(clock.withZone(BeneficiaryRegistry.PARIS));
      LocalDate agreed = donation.preparedAt().atZone(BeneficiaryRegistry.PARIS).toLocalDate();
      if (on.isAfter(today)) {
        problems.add("La date de la remise (%s) est dans le futur.".formatted(DATE.format(on)));
      } else if (on.isBefore(agreed)) {
        problems.add(
            "La date de la remise (%s) précède la convention de cession %s, établie le %s."
                .formatted(DATE.format(on), donation.agreementNumber(), DATE.format(agreed)));
      }
    }
    if (blank(handover.recipientName())) {
      problems.add("Indiquez le nom du signataire.");
    }
    if (blank(handover.recipientRole())) {
      problems.add("Indiquez la qualité du signataire.");
    }
    if (blank(handover.signedReceiptRef())) {
      problems.add("Indiquez la référence du bon de remise signé.");
    }
    if (!problems.isEmpty()) {
      throw new DonationExceptions.HandoverRefused(problems);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
