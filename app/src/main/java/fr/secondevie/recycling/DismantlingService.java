package fr.secondevie.recycling;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.documents.UploadPolicy;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.recycling.LotEvents.AssetDismantled;
import fr.secondevie.recycling.LotEvents.LotFull;
import fr.secondevie.recycling.LotEvents.LotOpened;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the recycling route and the lot's process do: fill lots, close them, send the order, record
 * the pickup and the attestations, tell each asset's process its lot was dismantled. Each command
 * is idempotent; database changes are transactional. What the lot's process must hear of (a lot
 * opened, a lot full, an asset dismantled) is published as an event in the same transaction ({@link
 * LotEvents}), and told to the runtime after the commit by {@link LotProcessListener}; e-mails go
 * after the commit.
 */
@Service
class DismantlingService {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String ACTOR_ADD = "worker:dismantling.add-to-lot";
  static final String ACTOR_ORDER = "worker:dismantling.send-order";
  static final String ACTOR_PICKUP = "worker:dismantling.record-pickup";
  static final String ACTOR_ATTESTATION = "worker:dismantling.record-attestation";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AdaptedCompanyRepository companies;
  private final DismantlingLotRepository lots;
  private final InventoryService inventory;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final OrderRenderer orders;
  private final LotProcesses processes;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final TransactionTemplate placementTx;
  private final Clock clock;

  DismantlingService(
      AdaptedCompanyRepository companies,
      DismantlingLotRepository lots,
      InventoryService inventory,
      DocumentService documents,
      NotificationService notifications,
      OrderRenderer orders,
      LotProcesses processes,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.companies = companies;
    this.lots = lots;
    this.inventory = inventory;
    this.documents = documents;
    this.notifications = notifications;
    this.orders = orders;
    this.processes = processes;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    // Under REPEATABLE READ (MariaDB's default) the reads after the company's lock would see the
    // snapshot of the first read, before the lock: two assets added at once opened two lots.
    this.placementTx = new TransactionTemplate(transactions);
    this.placementTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  /** The lot an asset was put in (process variable {@code dismantlingLotId}). */
  record Placement(long lotId, long adaptedCompanyId) {}

  /**
   * Puts the asset in the open lot of the default adapted company, opening a lot when none is open
   * ({@link LotOpened}: its process is started); {@link LotFull} when the lot reaches its size. An
   * asset already in a lot stays there (a re-delivered job changes nothing).
   *
   * @throws IllegalStateException no default adapted company, or the asset is not pending recycling
   */
  public Placement addToLot(long assetId, String operationId) {
    return placementTx.execute(status -> place(assetId, operationId));
  }

  private Placement place(long assetId, String operationId) {
    Optional<DismantlingLot> existing = lots.findByAsset(assetId);
    if (existing.isPresent()) {
      return new Placement(existing.get().id(), existing.get().companyId());
    }
    AdaptedCompany company =
        companies
            .findDefault()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Aucune entreprise adaptée active n'est désignée par défaut :"
                            + " enregistrez-en une dans le registre des entreprises adaptées."));
    companies.lock(company.id());
    // a concurrent delivery of the same job may have placed the asset while we waited
    existing = lots.findByAsset(assetId);
    if (existing.isPresent()) {
      return new Placement(existing.get().id(), existing.get().companyId());
    }
    Asset asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("Expected asset " + assetId + " but found none"));
    if (asset.status() != AssetStatus.RECYCLING_PENDING) {
      throw new IllegalStateException(
          "L'équipement %s est au statut « %s » : il n'entre dans un lot qu'au statut « %s »."
              .formatted(
                  asset.inventoryNumber(),
                  asset.status().label(),
                  AssetStatus.RECYCLING_PENDING.label()));
    }
    Instant now = now();
    DismantlingLot lot =
        lots.findOpen(company.id())
            // its process start may be saving it: lock, then read what it saved
            .map(open -> lots.lock(open.id()).flatMap(lots::findById).orElseThrow())
            .orElseGet(
                () -> {
                  DismantlingLot opened = lots.save(DismantlingLot.open(company, now));
                  opened.assignNumber();
                  events.publishEvent(new LotOpened(opened.id(), company.id()));
                  return opened;
                });
    LotAsset added =
        new LotAsset(
            assetId,
            asset.inventoryNumber(),
            asset.category(),
            asset.serialNumber(),
            describe(asset),
            now,
            operationId,
            null);
    lot.add(added);
    lots.writeAdded(lot, added);
    if (lot.status() == LotStatus.FULL) {
      events.publishEvent(new LotFull(lot.id()));
    }
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.NOTE,
            ACTOR_ADD,
            "Ajouté au lot de démantèlement %s confié à « %s » (%s), %d/%d équipement(s)"
                .formatted(
                    lot.number(),
                    company.name(),
                    company.type().name(),
                    lot.assetCount(),
                    lot.targetSize()),
            null,
            operationId));
    return new Placement(lot.id(), company.id());
  }

  private static String describe(Asset asset) {
    String text =
        ((asset.manufacturer() == null ? "" : asset.manufacturer())
                + " "
                + (asset.model() == null ? "" : asset.model()))
            .strip();
    return text.length() > 400 ? text.substring(0, 400) : text;
  }

  /**
   * Closes an open lot now, before its size or its 30 days (an asset manager's decision, e.g. to
   * send a small lot): no asset enters it any more and its process is told the lot is complete
   * ({@code DismantlingLotFull}, once per lot).
   *
   * @return false when the lot was not open or was empty (nothing changed)
   */
  public boolean closeNow(long lotId, String requestedBy) {
    Boolean requested =
        tx.execute(
            status -> {
              lots.lock(lotId);
              DismantlingLot lot = lot(lotId);
              if (!lot.requestClose(requestedBy)) {
                return false;
              }
              lots.writeProgress(lot);
              events.publishEvent(new LotFull(lotId));
              return true;
            });
    return Boolean.TRUE.equals(requested);
  }

  /** Closes the lot (no asset enters it any more) and returns its asset count. */
  public int close(long lotId) {
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lotId);
          LotStatus before = lot.status();
          lot.close(now());
          if (lot.status() != before) {
            lots.writeProgress(lot);
          }
          return lot.assetCount();
        });
  }

  /** The order sent to the company (process variable {@code dismantlingOrder}). */
  record Order(String orderId, String documentRef, Instant sentAt) {}

  /**
   * Generates the order (PDF), cites it in the chain of custody of every asset of the lot, and
   * e-mails it to the company. A second call sends and stores nothing again.
   */
  public Order sendOrder(long lotId, long adaptedCompanyId, String operationId) {
    DismantlingLot lot =
        tx.execute(
            status -> {
              lots.lock(lotId);
              DismantlingLot l = lot(lotId);
              if (l.companyId() != adaptedCompanyId) {
                throw new IllegalArgumentException(
                    "Expected company %d for lot %s but got %d"
                        .formatted(l.companyId(), l.number(), adaptedCompanyId));
              }
              if (l.orderDocumentId() != null) {
                return l;
              }
              if (l.status() != LotStatus.CLOSED) {
                throw new IllegalStateException(
                    "Expected a closed lot to order its pickup but lot "
                        + l.number()
                        + " is "
                        + l.status());
              }
              AdaptedCompany company = companies.findById(l.companyId()).orElseThrow();
              Instant now = now();
              String orderNumber = "BE-" + l.number();
              StoredDocument stored =
                  documents.store(
                      NewDocument.pdf(
                          DocumentKind.DISMANTLING_ORDER,
                          "bon-enlevement-" + l.number() + ".pdf",
                          orders.render(l, company, orderNumber, now),
                          "dismantling-lot:" + l.id(),
                          ACTOR_ORDER));
              l.orderSent(orderNumber, stored.publicId(), now);
              for (LotAsset a : l.assets()) {
                inventory.appendCustody(
                    new AppendCustody(
                        a.inventoryNumber(),
                        CustodyAction.EVIDENCE,
                        ACTOR_ORDER,
                        "Bon d'enlèvement %s du lot %s envoyé à « %s » (%s)"
                            .formatted(orderNumber, l.number(), company.name(), company.email()),
                        stored.evidence(),
                        operationId));
              }
              lots.writeOrder(l);
              return l;
            });
    AdaptedCompany company = companies.findById(lot.companyId()).orElseThrow();
    notifications.send(
        new OutgoingMessage(
            "dismantling-order:" + lot.id(),
            company.email(),
            "Bon d'enlèvement %s — lot %s (%d équipements)"
                .formatted(lot.orderNumber(), lot.number(), lot.assetCount()),
            orders.emailBody(lot, company),
            List.of(lot.orderDocumentId())));
    return new Order(lot.orderNumber(), lot.orderDocumentId(), lot.orderSentAt());
  }

  /** The pickup as typed in the form, before checks. */
  record PickupInput(
      LocalDate pickedUpOn,
      Integer unitCount,
      java.math.BigDecimal weightKg,
      String wasteTrackingNumber,
      String carrier,
      String notes) {}

  /**
   * Records the pickup: weight and waste tracking number on the lot, and the transfer of custody to
   * the company in the chain of every asset.
   *
   * @throws InvalidInputException a value is wrong (nothing is written)
   */
  public DismantlingLot recordPickup(long lotId, PickupInput input, String operationId) {
    return recordPickup(lotId, input, Optional.empty(), operationId);
  }

  /** {@link #recordPickup(long, PickupInput, String)} confirmed by a known person. */
  public DismantlingLot recordPickup(
      long lotId, PickupInput input, Optional<CompletedBy> confirmedBy, String operationId) {
    String actor = confirmedBy.map(p -> p.actor(ACTOR_PICKUP)).orElse(ACTOR_PICKUP);
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lotId);
          if (lot.pickedUpOn() != null) {
            return lot;
          }
          if (lot.status() != LotStatus.ORDER_SENT) {
            throw new IllegalStateException(
                "Expected the order of lot "
                    + lot.number()
                    + " sent before its pickup but it is "
                    + lot.status());
          }
          PickupRecord pickup =
              PickupRecord.validate(
                  input.pickedUpOn(),
                  input.unitCount(),
                  input.weightKg(),
                  input.wasteTrackingNumber(),
                  input.carrier(),
                  input.notes(),
                  lot.closedAt().atZone(PARIS).toLocalDate(),
                  LocalDate.now(clock.withZone(PARIS)));
          lot.pickedUp(pickup);
          AdaptedCompany company = companies.findById(lot.companyId()).orElseThrow();
          String gap =
              pickup.unitCount() == lot.assetCount()
                  ? ""
                  : " ; écart : %d unité(s) enlevée(s) pour %d au lot"
                      .formatted(pickup.unitCount(), lot.assetCount());
          for (LotAsset a : lot.assets()) {
            inventory.appendCustody(
                new AppendCustody(
                    a.inventoryNumber(),
                    CustodyAction.HANDOVER,
                    actor,
                    ("Enlevé le %s par « %s » (%s), transporteur %s, lot %s : %s kg pour %d"
                            + " unité(s), bordereau %s%s%s")
                        .formatted(
                            DATE.format(pickup.pickedUpOn()),
                            company.name(),
                            company.type().name(),
                            pickup.carrier(),
                            lot.number(),
                            pickup.weightKg().toPlainString().replace('.', ','),
                            pickup.unitCount(),
                            pickup.wasteTrackingNumber().value(),
                            gap,
                            confirmedBy
                                .map(p -> " ; enlèvement confirmé par " + p.displayName())
                                .orElse("")),
                    "bordereau " + pickup.wasteTrackingNumber().value(),
                    operationId));
          }
          lots.writePickup(lot);
          return lot;
        });
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
    String actor = enteredBy.map(p -> p.actor(ACTOR_ATTESTATION)).orElse(ACTOR_ATTESTATION);
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lotId);
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
   * Marks the lot completed and, in the same transaction, publishes {@link AssetDismantled} for
   * each of its assets (once per lot: a second call finds it completed), whose listener publishes
   * {@code DismantlingCompleted} to the asset's process; returns the number of assets of the lot.
   */
  public int publishCompletion(long lotId) {
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lotId);
          if (lot.recyclingCertificateRef() == null) {
            throw new IllegalStateException(
                "Expected the attestations of lot " + lot.number() + " before completing it");
          }
          if (lot.completedAt() == null) {
            lot.complete(now());
            lots.writeProgress(lot);
            for (LotAsset a : lot.assets()) {
              events.publishEvent(new AssetDismantled(lotId, a.assetId()));
            }
          }
          return lot.assetCount();
        });
  }

  /** Evidence files of a lot uploaded on its page. */
  static final UploadPolicy LOT_DOCUMENT_POLICY = UploadPolicy.EVIDENCE;

  /**
   * Stores the scan of the recycling certificate or of the EA attestation and cites it in the chain
   * of every asset of the lot.
   *
   * @throws fr.secondevie.documents.UploadRejectedException nothing is stored
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
          DismantlingLot lot = lot(lotId);
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

  /** What DATETIME(6) keeps, so that a returned instant equals a later read. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  DismantlingLot lot(long lotId) {
    return lots.findById(lotId)
        .orElseThrow(
            () -> new IllegalArgumentException("Expected lot " + lotId + " but found none"));
  }
}
