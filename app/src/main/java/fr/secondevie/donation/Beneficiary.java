package fr.secondevie.donation;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An association (or ESUS reuse organisation) that may receive retired equipment: its identity
 * (SIRET and/or RNA), legal category under CGPPP L3212-2 with the document proving it, and the
 * reuse commitment it signed (without which the donation does not count for décret 2023-266).
 */
@Table("donation_beneficiary")
class Beneficiary {

  @Id private Long id;
  @Version private Integer version;
  private String name;
  private String siret;
  private String rna;
  private LegalCategory legalCategory;
  private String address;
  private String contactName;
  private String contactEmail;
  private String proofDocumentId;
  private String proofDescription;
  private LocalDate reuseCommitmentSignedOn;
  private boolean active;
  private Instant createdAt;
  private Instant updatedAt;

  /** For Spring Data. */
  Beneficiary() {}

  static Beneficiary create(BeneficiaryForm.Valid form, Instant now) {
    Beneficiary b = new Beneficiary();
    b.createdAt = now;
    b.update(form, now);
    return b;
  }

  void update(BeneficiaryForm.Valid form, Instant now) {
    name = form.name();
    siret = form.siret();
    rna = form.rna();
    legalCategory = form.legalCategory();
    address = form.address();
    contactName = form.contactName();
    contactEmail = form.contactEmail();
    proofDescription = form.proofDescription();
    reuseCommitmentSignedOn = form.reuseCommitmentSignedOn();
    active = form.active();
    updatedAt = now;
  }

  void attachProof(String documentPublicId, Instant now) {
    proofDocumentId = documentPublicId;
    updatedAt = now;
  }

  /** Its category allows IT donations and a document proves the category. */
  public boolean categoryEligible() {
    return legalCategory.eligibleForItEquipment() && proofDocumentId != null;
  }

  public boolean reuseCommitmentSigned() {
    return reuseCommitmentSignedOn != null;
  }

  /** May receive a proposal: active, eligible category proven, reuse commitment signed. */
  public boolean eligible() {
    return active && categoryEligible() && reuseCommitmentSigned();
  }

  /** Why it may not receive a proposal (French), or an empty text when it may. */
  public String ineligibilityReason() {
    StringBuilder reasons = new StringBuilder();
    if (!active) {
      reasons.append("inactif ; ");
    }
    if (!legalCategory.eligibleForItEquipment()) {
      reasons.append("catégorie non prévue par l'article L3212-2 3° ; ");
    } else if (proofDocumentId == null) {
      reasons.append("justificatif de la catégorie manquant ; ");
    }
    if (!reuseCommitmentSigned()) {
      reasons.append("engagement de réemploi non signé ; ");
    }
    return reasons.isEmpty() ? "" : reasons.substring(0, reasons.length() - 3);
  }

  /** SIRET and/or RNA, for display. */
  public String identifiers() {
    if (siret != null && rna != null) {
      return "SIRET " + siret + " — RNA " + rna;
    }
    return siret != null ? "SIRET " + siret : "RNA " + rna;
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

  public String rna() {
    return rna;
  }

  public LegalCategory legalCategory() {
    return legalCategory;
  }

  public String address() {
    return address;
  }

  public String contactName() {
    return contactName;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public String proofDocumentId() {
    return proofDocumentId;
  }

  public String proofDescription() {
    return proofDescription;
  }

  public LocalDate reuseCommitmentSignedOn() {
    return reuseCommitmentSignedOn;
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
