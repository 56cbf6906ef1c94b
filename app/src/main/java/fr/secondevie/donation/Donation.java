package fr.secondevie.donation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One asset given to one beneficiary for one of its requests: created when the transfer agreement
 * is prepared (the asset is then allocated to the request), completed by the signed handover.
 */
@Table("donation")
class Donation {

  @Id private Long id;
  @Version private Integer version;
  private long requestId;
  private long beneficiaryId;
  private long assetId;
  private String inventoryNumber;
  private DonationStatus status;
  private String agreementNumber;
  private String agreementDocumentId;
  private String approvalComment;
  private String operationId;
  private Instant preparedAt;
  private LocalDate handedOverOn;
  private String recipientName;
  private String recipientRole;
  private String signedReceiptRef;
  private String handedOverItems;
  private String handoverNotes;
  private String handoverOperationId;
  private Instant handoverRecordedAt;
  private String receiptDocumentId;

  /** For Spring Data. */
  Donation() {}

  static Donation allocate(
      DonationRequest request,
      long assetId,
      String inventoryNumber,
      String approvalComment,
      String operationId,
      Instant now) {
    Donation d = new Donation();
    d.requestId = request.id();
    d.beneficiaryId = request.beneficiaryId();
    d.assetId = assetId;
    d.inventoryNumber = inventoryNumber;
    d.status = DonationStatus.AGREED;
    d.approvalComment = approvalComment;
    d.operationId = operationId;
    d.preparedAt = now;
    return d;
  }

  /** "CG-2025-000042": year of the agreement and the donation's id. */
  void number(Instant now) {
    agreementNumber = "CG-%d-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), id);
  }

  void attachAgreement(String documentPublicId) {
    agreementDocumentId = documentPublicId;
  }

  void cancel() {
    if (status == DonationStatus.AGREED) {
      status = DonationStatus.CANCELLED;
    }
  }

  void handOver(Handover handover, String operationId, Instant now) {
    status = DonationStatus.HANDED_OVER;
    handedOverOn = handover.handedOverOn();
    recipientName = handover.recipientName();
    recipientRole = handover.recipientRole();
    signedReceiptRef = handover.signedReceiptRef();
    handedOverItems = handover.items().isEmpty() ? null : String.join(", ", handover.items());
    handoverNotes = handover.notes();
    handoverOperationId = operationId;
    handoverRecordedAt = now;
  }

  void attachReceipt(String documentPublicId) {
    receiptDocumentId = documentPublicId;
  }

  public Long id() {
    return id;
  }

  public long requestId() {
    return requestId;
  }

  public long beneficiaryId() {
    return beneficiaryId;
  }

  public long assetId() {
    return assetId;
  }

  public String inventoryNumber() {
    return inventoryNumber;
  }

  public DonationStatus status() {
    return status;
  }

  public String agreementNumber() {
    return agreementNumber;
  }

  public String agreementDocumentId() {
    return agreementDocumentId;
  }

  public String approvalComment() {
    return approvalComment;
  }

  public String operationId() {
    return operationId;
  }

  public Instant preparedAt() {
    return preparedAt;
  }

  public LocalDate handedOverOn() {
    return handedOverOn;
  }

  public String recipientName() {
    return recipientName;
  }

  public String recipientRole() {
    return recipientRole;
  }

  public String signedReceiptRef() {
    return signedReceiptRef;
  }

  public String handedOverItems() {
    return handedOverItems;
  }

  public String handoverNotes() {
    return handoverNotes;
  }

  public String handoverOperationId() {
    return handoverOperationId;
  }

  public Instant handoverRecordedAt() {
    return handoverRecordedAt;
  }

  public String receiptDocumentId() {
    return receiptDocumentId;
  }
}
