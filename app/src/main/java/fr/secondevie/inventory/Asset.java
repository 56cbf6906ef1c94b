package fr.secondevie.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * One piece of IT equipment of the hospital, the aggregate root of the inventory.
 *
 * <p>It owns its storage devices and technical attributes; its chain of custody is a separate,
 * append-only aggregate ({@link CustodyEntry}) whose head (length and last hash) is kept here so
 * that a deleted last entry is detected. Status changes go through {@link #moveTo}, which refuses
 * the transitions {@link AssetStatus} does not allow.
 */
@NamedInterface("api")
@Table("asset")
public class Asset {

  @Id private Long id;
  @Version private Integer version;
  private String inventoryNumber;
  private String serialNumber;
  private String name;
  private AssetCategory category;
  private String manufacturer;
  private String model;
  private String site;
  private String location;
  private String service;
  private LocalDate acquisitionDate;
  private Long acquisitionCostCents;
  private AssetStatus status;
  private DispositionRoute route;
  private String routeReason;
  private String glpiStatus;
  private String glpiFingerprint;
  private Long importRunId;
  private boolean reconditioned;
  private String supplierName;
  private String contractReference;
  private LocalDate warrantyEnd;
  private String orderReference;
  private int custodyLength;
  private String custodyHeadHash;
  private Instant createdAt;
  private Instant updatedAt;

  @MappedCollection(idColumn = "asset_id")
  private Set<StorageDevice> storageDevices = new LinkedHashSet<>();

  @MappedCollection(idColumn = "asset_id", keyColumn = "name")
  private Map<String, TechnicalAttribute> attributes = new LinkedHashMap<>();

  /** For Spring Data. */
  protected Asset() {}

  /** A new asset as the inventory first learns about it. */
  public static Asset register(
      String inventoryNumber, AssetCategory category, AssetStatus status, Instant now) {
    if (inventoryNumber == null || inventoryNumber.isBlank()) {
      throw new IllegalArgumentException("An asset needs an inventory number");
    }
    Asset asset = new Asset();
    asset.inventoryNumber = inventoryNumber.strip();
    asset.category = Objects.requireNonNull(category, "category");
    asset.status = Objects.requireNonNull(status, "status");
    asset.createdAt = now;
    asset.updatedAt = now;
    return asset;
  }

  /**
   * Moves the asset to {@code target}.
   *
   * @throws IllegalStatusTransitionException when {@link AssetStatus} does not allow it
   */
  void moveTo(AssetStatus target, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStatusTransitionException(inventoryNumber, status, target);
    }
    status = target;
    updatedAt = now;
  }

  void assignRoute(DispositionRoute route, String reason, Instant now) {
    this.route = Objects.requireNonNull(route, "route");
    this.routeReason = reason;
    this.updatedAt = now;
  }

  /**
   * Records a storage device, replacing the one with the same serial number (ignoring case).
   *
   * @return the device replaced, or null when the serial number was not known
   */
  StorageDevice recordStorageDevice(StorageDevice device, Instant now) {
    StorageDevice replaced =
        storageDevices.stream()
            .filter(d -> d.serialNumber().equalsIgnoreCase(device.serialNumber()))
            .findFirst()
            .orElse(null);
    storageDevices.remove(replaced);
    storageDevices.add(device);
    updatedAt = now;
    return replaced;
  }

  void describe(Description d) {
    serialNumber = d.serialNumber();
    name = d.name();
    category = d.category();
    manufacturer = d.manufacturer();
    model = d.model();
    site = d.site();
    location = d.location();
    service = d.service();
    acquisitionDate = d.acquisitionDate();
    acquisitionCostCents = d.acquisitionCostCents();
  }

  void acquire(Acquisition a) {
    reconditioned = a.reconditioned();
    supplierName = a.supplierName();
    contractReference = a.contractReference();
    warrantyEnd = a.warrantyEnd();
    orderReference = a.orderReference();
  }

  void advanceCustodyHead(CustodyEntry entry) {
    custodyLength = entry.seq();
    custodyHeadHash = entry.hash();
  }

  /** The version the row was read at, which a targeted update of the row checks and bumps. */
  Integer version() {
    return version;
  }

  /**
   * Follows a targeted update of the row ({@link AssetRepository#writeRoot}), which bumped its
   * version, so that this copy can still be saved whole afterwards.
   */
  void rowWritten() {
    version = version + 1;
  }

  /**
   * Descriptive data of an asset (what GLPI knows about it).
   *
   * @param acquisitionCostCents acquisition cost excluding VAT, in euro cents
   */
  @NamedInterface("api")
  public record Description(
      String serialNumber,
      String name,
      AssetCategory category,
      String manufacturer,
      String model,
      String site,
      String location,
      String service,
      LocalDate acquisitionDate,
      Long acquisitionCostCents) {}

  /**
   * How the hospital bought an asset through a purchase order (P5).
   *
   * @param reconditioned bought reconditioned (counts as reuse in the AGEC share)
   * @param contractReference purchasing central or SAD contract, null for a direct order
   */
  @NamedInterface("api")
  public record Acquisition(
      boolean reconditioned,
      String supplierName,
      String contractReference,
      LocalDate warrantyEnd,
      String orderReference) {}

  /** True when bought reconditioned through a purchase order. */
  public boolean reconditioned() {
    return reconditioned;
  }

  public String supplierName() {
    return supplierName;
  }

  public String contractReference() {
    return contractReference;
  }

  public LocalDate warrantyEnd() {
    return warrantyEnd;
  }

  /** The purchase order the asset was received on, null when it did not come from one. */
  public String orderReference() {
    return orderReference;
  }

  public Long id() {
    return id;
  }

  public String inventoryNumber() {
    return inventoryNumber;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public String name() {
    return name;
  }

  public AssetCategory category() {
    return category;
  }

  public String manufacturer() {
    return manufacturer;
  }

  public String model() {
    return model;
  }

  public String site() {
    return site;
  }

  public String location() {
    return location;
  }

  public String service() {
    return service;
  }

  public LocalDate acquisitionDate() {
    return acquisitionDate;
  }

  /** Acquisition cost excluding VAT in euro cents, or null when unknown. */
  public Long acquisitionCostCents() {
    return acquisitionCostCents;
  }

  public AssetStatus status() {
    return status;
  }

  public DispositionRoute route() {
    return route;
  }

  public String routeReason() {
    return routeReason;
  }

  /** The status as GLPI names it, kept as imported. */
  public String glpiStatus() {
    return glpiStatus;
  }

  public Long importRunId() {
    return importRunId;
  }

  public int custodyLength() {
    return custodyLength;
  }

  public String custodyHeadHash() {
    return custodyHeadHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Set<StorageDevice> storageDevices() {
    return Collections.unmodifiableSet(storageDevices);
  }

  /** Technical attributes by name, sorted by name. */
  public Map<String, String> technicalAttributes() {
    Map<String, String> sorted = new TreeMap<>();
    attributes.forEach((k, v) -> sorted.put(k, v.value()));
    return Collections.unmodifiableMap(sorted);
  }
}
