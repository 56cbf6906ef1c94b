package fr.secondevie.reconditioning;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An asset given to a reconditioner, then the workshop's report. The message telling the asset's
 * process is published after the report is saved; {@code messagePublishedAt} says it was.
 */
@Table("reconditioning_order")
class ReconditioningOrder {

  @Id private Long id;
  @Version private Integer version;
  private String number;
  private long assetId;
  private String inventoryNumber;
  private String route;
  private Channel channel;
  private long reconditionerId;
  private String reconditionerName;
  private String supplierRef;
  private String conditionGrade;
  private Boolean functional;
  private OrderStatus status;
  private String operationId;
  private Instant createdAt;
  private String result;
  private String workDone;
  private String partsReplaced;
  private Long costCents;
  private String newGrade;
  private Integer lifetimeExtensionMonths;
  private Instant completedAt;
  private String completedBy;
  private Instant messagePublishedAt;

  /** For Spring Data. */
  ReconditioningOrder() {}

  static ReconditioningOrder create(
      long assetId,
      String inventoryNumber,
      String route,
      Reconditioner reconditioner,
      String conditionGrade,
      Boolean functional,
      String operationId,
      Instant now) {
    ReconditioningOrder o = new ReconditioningOrder();
    o.assetId = assetId;
    o.inventoryNumber = inventoryNumber;
    o.route = route;
    o.channel = reconditioner.channel();
    o.reconditionerId = reconditioner.id();
    o.reconditionerName = reconditioner.name();
    o.supplierRef = reconditioner.supplierRef();
    o.conditionGrade = conditionGrade;
    o.functional = functional;
    o.status = OrderStatus.OPEN;
    o.operationId = operationId;
    o.createdAt = now;
    return o;
  }

  /** "RC-2026-000012" */
  void assignNumber() {
    number = "RC-%d-%06d".formatted(createdAt.atZone(ZoneOffset.UTC).getYear(), id);
  }

  void complete(Completion.Valid completion, String actor, Instant now) {
    status = OrderStatus.COMPLETED;
    result = completion.result();
    workDone = completion.workDone();
    partsReplaced = completion.partsReplaced();
    costCents = completion.costCents();
    newGrade = completion.newGrade();
    lifetimeExtensionMonths = completion.lifetimeExtensionMonths();
    completedAt = now;
    completedBy = actor;
  }

  void published(Instant now) {
    messagePublishedAt = now;
  }

  Completion.Valid completion() {
    return new Completion.Valid(
        result, workDone, partsReplaced, costCents, newGrade, lifetimeExtensionMonths);
  }

  public boolean awaitsMessage() {
    return status == OrderStatus.COMPLETED && messagePublishedAt == null;
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public long assetId() {
    return assetId;
  }

  public String inventoryNumber() {
    return inventoryNumber;
  }

  public String route() {
    return route;
  }

  public Channel channel() {
    return channel;
  }

  public long reconditionerId() {
    return reconditionerId;
  }

  public String reconditionerName() {
    return reconditionerName;
  }

  public String supplierRef() {
    return supplierRef;
  }

  public String conditionGrade() {
    return conditionGrade;
  }

  public Boolean functional() {
    return functional;
  }

  public OrderStatus status() {
    return status;
  }

  public String operationId() {
    return operationId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String result() {
    return result;
  }

  public String workDone() {
    return workDone;
  }

  public String partsReplaced() {
    return partsReplaced;
  }

  public Long costCents() {
    return costCents;
  }

  public String newGrade() {
    return newGrade;
  }

  public Integer lifetimeExtensionMonths() {
    return lifetimeExtensionMonths;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public String completedBy() {
    return completedBy;
  }

  public Instant messagePublishedAt() {
    return messagePublishedAt;
  }
}
