package fr.secondevie.recycling;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An adapted company (EA or ESAT) under contract to dismantle retired equipment: its agreement, the
 * eco-organisme it works with (an operator of DEEE needs a written contract with one, R543-200-1 C.
 * env.), where orders are e-mailed, and the size at which its lots close. One active company is the
 * default, which receives the assets routed to recycling.
 */
@Table("adapted_company")
class AdaptedCompany {

  static final int DEFAULT_LOT_SIZE = 50;

  @Id private Long id;
  @Version private Integer version;
  private String name;
  private String siret;
  private CompanyType type;
  private String agreementRef;
  private String ecoOrganisme;
  private String ecoOrganismeContractRef;
  private String email;
  private String address;
  private int lotSize;
  private boolean defaultCompany;
  private boolean active;
  private Instant createdAt;
  private Instant updatedAt;

  /** For Spring Data. */
  AdaptedCompany() {}

  static AdaptedCompany create(CompanyForm.Valid form, Instant now) {
    AdaptedCompany c = new AdaptedCompany();
    c.createdAt = now;
    c.update(form, now);
    return c;
  }

  void update(CompanyForm.Valid form, Instant now) {
    name = form.name();
    siret = form.siret();
    type = form.type();
    agreementRef = form.agreementRef();
    ecoOrganisme = form.ecoOrganisme();
    ecoOrganismeContractRef = form.ecoOrganismeContractRef();
    email = form.email();
    address = form.address();
    lotSize = form.lotSize();
    defaultCompany = form.defaultCompany() && form.active();
    active = form.active();
    updatedAt = now;
  }

  void notDefault(Instant now) {
    if (defaultCompany) {
      defaultCompany = false;
      updatedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String siret() {
    return siret;
  }

  public CompanyType type() {
    return type;
  }

  public String agreementRef() {
    return agreementRef;
  }

  public String ecoOrganisme() {
    return ecoOrganisme;
  }

  public String ecoOrganismeContractRef() {
    return ecoOrganismeContractRef;
  }

  public String email() {
    return email;
  }

  public String address() {
    return address;
  }

  public int lotSize() {
    return lotSize;
  }

  public boolean defaultCompany() {
    return defaultCompany;
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
