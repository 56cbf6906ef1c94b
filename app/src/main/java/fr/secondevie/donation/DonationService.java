package fr.secondevie.donation;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyText;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.SanitizationOutcomes;
import fr.secondevie.routing.DonationLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the donation sub-process does to the registry, the documents and the chain of custody:
 * propose a request, allocate the asset and prepare the agreement, record the handover. Each
 * command is idempotent by its operation id and writes in one transaction.
 */
@Service
@Transactional
class DonationService {

  static final String ACTOR_MATCH = "worker:donation.match-beneficiary";
  static final String ACTOR_AGREEMENT = "worker:donation.prepare-agreement";
  static final String ACTOR_HANDOVER = "worker:donation.record-handover";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final BeneficiaryRepository beneficiaries;
  private final DonationRequestRepository requests;
  private final DonationRepository donations;
  private final BeneficiaryRegistry registry;
  private final InventoryService inventory;
  private final DocumentService documents;
  private final AgreementRenderer agreements;
  private final Clock clock;
  private final DonationLimits donationLimits;

  DonationService(
      BeneficiaryRepository beneficiaries,
      DonationRequestRepository requests,
      DonationRepository donations,
      BeneficiaryRegistry registry,
      InventoryService inventory,
      DocumentService documents,
      AgreementRenderer agreements,
      Clock clock,
      DonationLimits donationLimits) {
    this.beneficiaries = beneficiaries;
    this.requests = requests;
    this.donations = donations;
    this.registry = registry;
    this.inventory = inventory;
    this.documents = documents;
    this.agreements = agreements;
    this.clock = clock;
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
    Asset asset = asset(assetId);
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
              ACTOR_MATCH,
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
      return agreement(done.get(), asset(assetId));
    }
    Asset asset = asset(assetId);
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
    String agreementActor = approver.map(a -> a.actor(ACTOR_AGREEMENT)).orElse(ACTOR_AGREEMENT);
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
    Asset asset = asset(assetId);
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
            handedOverBy.map(p -> p.actor(ACTOR_HANDOVER)).orElse(ACTOR_HANDOVER),
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
   * @throws fr.secondevie.documents.UploadRejectedException nothing is stored
   * @throws InvalidInputException the donation was not handed over yet
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

  private Asset asset(long assetId) {
    return inventory
        .findById(assetId)
        .orElseThrow(
            () -> new IllegalArgumentException("Expected asset " + assetId + " but found none"));
  }

  private static void requirePending(Asset asset, String what) {
    if (asset.status() != AssetStatus.DONATION_PENDING) {
      throw new IllegalStateException(
          "L'équipement %s est au statut « %s » : %s qu'au statut « %s »."
              .formatted(
                  asset.inventoryNumber(),
                  asset.status().label(),
                  what,
                  AssetStatus.DONATION_PENDING.label()));
    }
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
