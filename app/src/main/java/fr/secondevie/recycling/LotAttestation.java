package fr.secondevie.recycling;

import static fr.secondevie.recycling.LotCommands.DATE;
import static fr.secondevie.recycling.LotCommands.PARIS;
import static fr.secondevie.recycling.LotCommands.lot;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.documents.UploadPolicy;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attestation commands of a lot: attach the scan of the recycling certificate or of the adapted
 * company's attestation (cited in the chain of every asset), and record the attestations of a lot
 * picked up (certificate, invoice and labour cost), each in one transaction. Recording is
 * idempotent: a lot already attested is returned unchanged.
 */
@Service
class LotAttestation {

  static final String ACTOR = "worker:dismantling.record-attestation";

  /** Evidence files of a lot uploaded on its page. */
  static final UploadPolicy LOT_DOCUMENT_POLICY = UploadPolicy.EVIDENCE;

  private final DismantlingLotRepository lots;
  private final InventoryService inventory;
  private final DocumentService documents;
  private final TransactionTemplate tx;
  private final Clock clock;

  LotAttestation(
      DismantlingLotRepository lots,
      InventoryService inventory,
      DocumentService documents,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.lots = lots;
    this.inventory = inventory;
    this.documents = documents;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The attestations as typed in the form (euros), before checks. */
  record AttestationInput(
      String recyclingCertificateRef,
      LocalDate recyclingCertificateDate,
      String eaAttestationRef,
      java.math.BigDecimal invoiceAmountExclTax,
      java.math.BigDecimal labourCost,
      String notes) {}

  /**
   * Records the recycling certificate and the company's attestation (labour cost in cents) on the
   * lot, cited in the chain of every asset.
   *
   * @throws InvalidInputException a value is wrong (nothing is written)
   */
  public DismantlingLot recordAttestation(long lotId, AttestationInput input, String operationId) {
    return recordAttestation(lotId, input, Optional.empty(), operationId);
  }

  /** {@link #recordAttestation(long, AttestationInput, String)} entered by a known person. */
  public DismantlingLot recordAttestation(
      long lotId, AttestationInput input, Optional<CompletedBy> enteredBy, String operationId) {
    String actor = enteredBy.map(p -> p.actor(ACTOR)).orElse(ACTOR);
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lots, lotId);
          if (lot.recyclingCertificateRef() != null) {
            return lot;
          }
          if (lot.status() != LotStatus.PICKED_UP) {
            throw new IllegalStateException(
                "Expected lot "
                    + lot.number()
                    + " picked up before its attestation but it is "
                    + lot.status());
          }
          AttestationRecord attestation =
              AttestationRecord.validate(
                  input.recyclingCertificateRef(),
                  input.recyclingCertificateDate(),
                  input.eaAttestationRef(),
                  input.invoiceAmountExclTax(),
                  input.labourCost(),
                  input.notes(),
                  lot.pickedUpOn(),
                  LocalDate.now(clock.withZone(PARIS)));
          lot.attested(attestation);
          String evidence = attestationEvidence(lot);
          for (LotAsset a : lot.assets()) {
            inventory.appendCustody(
                new AppendCustody(
                    a.inventoryNumber(),
                    CustodyAction.EVIDENCE,
                    actor,
                    ("Lot %s recyclé : certificat de recyclage %s du %s ; attestation de"
                            + " l'entreprise adaptée %s (facture %s HT, dont main-d'œuvre %s)")
                        .formatted(
                            lot.number(),
                            attestation.recyclingCertificateRef(),
                            DATE.format(attestation.recyclingCertificateDate()),
                            attestation.eaAttestationRef(),
                            OrderRenderer.euros(attestation.invoiceCents()),
                            OrderRenderer.euros(attestation.labourCostCents())),
                    evidence,
                    operationId));
          }
          lots.writeAttestation(lot);
          return lot;
        });
  }

  private String attestationEvidence(DismantlingLot lot) {
    StringBuilder evidence = new StringBuilder();
    for (String id :
        new String[] {lot.recyclingCertificateDocumentId(), lot.eaAttestationDocumentId()}) {
      if (id != null) {
        documents
            .find(id)
            .ifPresent(d -> evidence.append(evidence.isEmpty() ? "" : " ; ").append(d.evidence()));
      }
    }
    return evidence.isEmpty()
        ? "certificat " + lot.recyclingCertificateRef() + " ; attestation " + lot.eaAttestationRef()
        : evidence.toString();
  }

  /**
   * Stores the scan of the recycling certificate or of the EA attestation and cites it in the chain
   * of every asset of the lot.
   *
   * @throws fr.secondevie.common.InvalidInputException the file is refused by the policy, under
   *     {@code file}; nothing is stored
   */
  public StoredDocument attachDocument(
      long lotId, DocumentKind kind, String filename, byte[] content, String actor) {
    if (kind != DocumentKind.RECYCLING_CERTIFICATE
        && kind != DocumentKind.ADAPTED_COMPANY_ATTESTATION) {
      throw new IllegalArgumentException(
          "Expected a certificate or an attestation but got " + kind);
    }
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lots, lotId);
          StoredDocument stored =
              documents.storeUpload(
                  LOT_DOCUMENT_POLICY, kind, filename, content, "dismantling-lot:" + lotId, actor);
          if (kind == DocumentKind.RECYCLING_CERTIFICATE) {
            lot.attachRecyclingCertificate(stored.publicId());
          } else {
            lot.attachEaAttestation(stored.publicId());
          }
          for (LotAsset a : lot.assets()) {
            inventory.appendCustody(
                new AppendCustody(
                    a.inventoryNumber(),
                    CustodyAction.EVIDENCE,
                    actor,
                    kind.label() + " du lot " + lot.number(),
                    stored.evidence(),
                    "lot-document-" + stored.publicId()));
          }
          lots.writeDocuments(lot);
          return stored;
        });
  }
}
