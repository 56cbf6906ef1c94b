package fr.secondevie.recycling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A lot of assets to recycle entrusted to one adapted company. It accepts assets while OPEN; it
 * becomes FULL when it reaches its target size (so that two assets racing for the last place cannot
 * both close it: the lot decides under its company's lock), then CLOSED (on size or after 30 days),
 * ORDER_SENT, PICKED_UP, ATTESTED and COMPLETED as process {@code dismantling-lot} goes.
 */
@Table("dismantling_lot")
class DismantlingLot {

  /** Why a lot was closed. */
  enum ClosedReason {
    SIZE,
    TIME,
    /** Closed before its size or its 30 days, at an asset manager's request. */
    MANUAL
  }

  @Id private Long id;
  @Version private Integer version;
  private long companyId;
  private String number;
  private LotStatus status;
  private int targetSize;
  private Instant openedAt;
  private Instant closedAt;
  private ClosedReason closedReason;
  private String closeRequestedBy;
  private Long processInstanceKey;
  private String orderNumber;
  private String orderDocumentId;
  private Instant orderSentAt;
  private LocalDate pickedUpOn;
  private Integer pickedUpUnits;
  private BigDecimal weightKg;
  private String wasteTrackingNumber;
  private String carrier;
  private String pickupNotes;
  private String recyclingCertificateRef;
  private LocalDate recyclingCertificateDate;
  private String eaAttestationRef;
  private Long invoiceCents;
  private Long labourCostCents;
  private String attestationNotes;
  private String recyclingCertificateDocumentId;
  private String eaAttestationDocumentId;
  private Instant completedAt;

  @MappedCollection(idColumn = "lot_id")
  private Set<LotAsset> assets = new LinkedHashSet<>();

  /** For Spring Data. */
  DismantlingLot() {}

  static DismantlingLot open(AdaptedCompany company, Instant now) {
    DismantlingLot lot = new DismantlingLot();
    lot.companyId = company.id();
    lot.targetSize = company.lotSize();
    lot.status = LotStatus.OPEN;
    lot.openedAt = now;
    return lot;
  }

  /** "LOT-2026-0007": year of opening and the lot's id. */
  void assignNumber() {
    number = "LOT-%d-%04d".formatted(openedAt.atZone(ZoneOffset.UTC).getYear(), id);
  }

  /**
   * Adds an asset; the lot becomes FULL when it reaches its target size.
   *
   * @throws IllegalStateException the lot accepts no more assets
   */
  void add(LotAsset asset) {
    if (status != LotStatus.OPEN) {
      throw new IllegalStateException("Expected an open lot but lot " + number + " is " + status);
    }
    assets.add(asset);
    if (assets.size() >= targetSize) {
      status = LotStatus.FULL;
    }
  }

  void started(long key) {
    processInstanceKey = key;
  }

  /**
   * Stops an open lot that holds assets from taking more, to close it before its size or its 30
   * days (the caller then says so to its process).
   *
   * @param requestedBy the name of the person who asked, printed on the pickup order
   * @return false when the lot is not open or is empty (nothing changed)
   */
  boolean requestClose(String requestedBy) {
    if (status != LotStatus.OPEN || assets.isEmpty()) {
      return false;
    }
    status = LotStatus.FULL;
    closedReason = ClosedReason.MANUAL;
    closeRequestedBy = requestedBy;
    return true;
  }

  /** Who asked for the lot to be closed early (its name), null when it closed on size or time. */
  public String closeRequestedBy() {
    return closeRequestedBy;
  }

  /**
   * Closes the lot (idempotent): on request when one was made, on size when it was full, otherwise
   * on time.
   */
  void close(Instant now) {
    if (status == LotStatus.OPEN || status == LotStatus.FULL) {
      closedReason =
          closedReason == ClosedReason.MANUAL
              ? ClosedReason.MANUAL
              : status == LotStatus.FULL ? ClosedReason.SIZE : ClosedReason.TIME;
      status = LotStatus.CLOSED;
      closedAt = now;
    }
  }

  void orderSent(String orderNumber, String documentId, Instant now) {
    this.orderNumber = orderNumber;
    this.orderDocumentId = documentId;
    this.orderSentAt = now;
    status = LotStatus.ORDER_SENT;
  }

  void pickedUp(PickupRecord pickup) {
    pickedUpOn = pickup.pickedUpOn();
    pickedUpUnits = pickup.unitCount();
    weightKg = pickup.weightKg();
    wasteTrackingNumber = pickup.wasteTrackingNumber().value();
    carrier = pickup.carrier();
    pickupNotes = pickup.notes();
    status = LotStatus.PICKED_UP;
  }

  void attested(AttestationRecord attestation) {
    recyclingCertificateRef = attestation.recyclingCertificateRef();
    recyclingCertificateDate = attestation.recyclingCertificateDate();
    eaAttestationRef = attestation.eaAttestationRef();
    invoiceCents = attestation.invoiceCents();
    labourCostCents = attestation.labourCostCents();
    attestationNotes = attestation.notes();
    status = LotStatus.ATTESTED;
  }

  void attachRecyclingCertificate(String documentId) {
    recyclingCertificateDocumentId = documentId;
  }

  void attachEaAttestation(String documentId) {
    eaAttestationDocumentId = documentId;
  }

  void complete(Instant now) {
    if (completedAt == null) {
      completedAt = now;
      status = LotStatus.COMPLETED;
    }
  }

  Optional<LotAsset> find(long assetId) {
    return assets.stream().filter(a -> a.assetId() == assetId).findFirst();
  }

  /** The assets, in the order they were added. */
  public List<LotAsset> assets() {
    return assets.stream()
        .sorted(Comparator.comparing(LotAsset::addedAt).thenComparing(LotAsset::inventoryNumber))
        .toList();
  }

  public int assetCount() {
    return assets.size();
  }

  public BigDecimal estimatedWeightKg() {
    return assets.stream()
        .map(LotAsset::estimatedWeightKg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Long id() {
    return id;
  }

  public long companyId() {
    return companyId;
  }

  public String number() {
    return number;
  }

  public LotStatus status() {
    return status;
  }

  public int targetSize() {
    return targetSize;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public ClosedReason closedReason() {
    return closedReason;
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  public String orderNumber() {
    return orderNumber;
  }

  public String orderDocumentId() {
    return orderDocumentId;
  }

  public Instant orderSentAt() {
    return orderSentAt;
  }

  public LocalDate pickedUpOn() {
    return pickedUpOn;
  }

  public Integer pickedUpUnits() {
    return pickedUpUnits;
  }

  public BigDecimal weightKg() {
    return weightKg;
  }

  public String wasteTrackingNumber() {
    return wasteTrackingNumber;
  }

  public String carrier() {
    return carrier;
  }

  public String pickupNotes() {
    return pickupNotes;
  }

  public String recyclingCertificateRef() {
    return recyclingCertificateRef;
  }

  public LocalDate recyclingCertificateDate() {
    return recyclingCertificateDate;
  }

  public String eaAttestationRef() {
    return eaAttestationRef;
  }

  public Long invoiceCents() {
    return invoiceCents;
  }

  public Long labourCostCents() {
    return labourCostCents;
  }

  public String attestationNotes() {
    return attestationNotes;
  }

  public String recyclingCertificateDocumentId() {
    return recyclingCertificateDocumentId;
  }

  public String eaAttestationDocumentId() {
    return eaAttestationDocumentId;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
