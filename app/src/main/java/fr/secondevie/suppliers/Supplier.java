package fr.secondevie.suppliers;

import fr.secondevie.common.Siret;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * A supplier of the hospital, identified by its SIRET. Its referencing (maturity level, tender
 * bonus, validity) is that of its latest referenced application.
 */
@NamedInterface("api")
@Table("supplier")
public class Supplier {

  @Id private Long id;
  @Version private Integer version;
  private String name;
  private String siret;
  private String categories;
  private SupplierStatus status;
  private Integer maturityLevel;
  private Integer tenderBonus;
  private BigDecimal justifiedScore;
  private LocalDate referencedOn;
  private LocalDate referencedUntil;
  private Long referencingApplicationId;
  private Instant createdAt;
  private String createdBy;

  @MappedCollection(idColumn = "supplier_id", keyColumn = "supplier_key")
  private List<SupplierContact> contacts = new ArrayList<>();

  Supplier() {}

  static Supplier create(
      String name,
      Siret siret,
      Set<SupplierCategory> categories,
      SupplierContact contact,
      Instant now,
      String createdBy) {
    Supplier supplier = new Supplier();
    supplier.contacts.add(contact);
    supplier.name = name;
    supplier.siret = siret.value();
    supplier.categories = encode(categories);
    supplier.status = SupplierStatus.CANDIDATE;
    supplier.createdAt = now;
    supplier.createdBy = createdBy;
    return supplier;
  }

  /** A later candidature updates the name, adds categories and the contact if new. */
  void update(String name, Set<SupplierCategory> categories, SupplierContact contact) {
    this.name = name;
    Set<SupplierCategory> all = EnumSet.noneOf(SupplierCategory.class);
    all.addAll(categories());
    all.addAll(categories);
    this.categories = encode(all);
    boolean known = contacts.stream().anyMatch(c -> c.email().equalsIgnoreCase(contact.email()));
    if (!known) {
      contacts = new ArrayList<>(contacts);
      contacts.add(contact);
    }
  }

  void reference(
      long applicationId,
      int maturityLevel,
      int tenderBonus,
      BigDecimal justifiedScore,
      LocalDate from,
      LocalDate until) {
    this.status = SupplierStatus.REFERENCED;
    this.maturityLevel = maturityLevel;
    this.tenderBonus = tenderBonus;
    this.justifiedScore = justifiedScore;
    this.referencedOn = from;
    this.referencedUntil = until;
    this.referencingApplicationId = applicationId;
  }

  /** A rejection or an unanswered questionnaire leaves a still valid referencing untouched. */
  void notReferenced(LocalDate today) {
    if (!isReferencedOn(today)) {
      this.status = SupplierStatus.NOT_REFERENCED;
    }
  }

  public boolean isReferencedOn(LocalDate day) {
    return status == SupplierStatus.REFERENCED
        && referencedUntil != null
        && !day.isAfter(referencedUntil);
  }

  /** The status as shown on a given day: a referencing past its validity is "Expiré". */
  public String statusLabel(LocalDate day) {
    if (status == SupplierStatus.REFERENCED && !isReferencedOn(day)) {
      return "Référencement expiré";
    }
    return status.label();
  }

  private static String encode(Set<SupplierCategory> categories) {
    return categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Siret getSiret() {
    return new Siret(siret);
  }

  public Set<SupplierCategory> categories() {
    Set<SupplierCategory> set = EnumSet.noneOf(SupplierCategory.class);
    if (categories != null && !categories.isBlank()) {
      Arrays.stream(categories.split(","))
          .map(c -> SupplierCategory.valueOf(c.strip().toUpperCase(Locale.ROOT)))
          .forEach(set::add);
    }
    return set;
  }

  public SupplierStatus getStatus() {
    return status;
  }

  public Integer getMaturityLevel() {
    return maturityLevel;
  }

  public Integer getTenderBonus() {
    return tenderBonus;
  }

  public BigDecimal getJustifiedScore() {
    return justifiedScore;
  }

  public LocalDate getReferencedOn() {
    return referencedOn;
  }

  public LocalDate getReferencedUntil() {
    return referencedUntil;
  }

  public Long getReferencingApplicationId() {
    return referencingApplicationId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<SupplierContact> getContacts() {
    return List.copyOf(contacts);
  }
}
