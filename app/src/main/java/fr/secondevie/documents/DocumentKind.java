package fr.secondevie.documents;

import org.springframework.modulith.NamedInterface;

/** What a stored document proves, with its French label. */
@NamedInterface("api")
public enum DocumentKind {
  WIPE_REPORT("Rapport d'effacement"),
  SANITIZATION_CERTIFICATE("Certificat d'effacement"),
  DESTRUCTION_CERTIFICATE("Certificat de destruction"),
  DONATION_AGREEMENT("Convention de cession gratuite"),
  HANDOVER_RECEIPT("Reçu de remise signé"),
  HANDOVER_RECEIPT_FORM("Reçu de remise à signer"),
  RECONDITIONING_ORDER("Ordre de reconditionnement"),
  DISMANTLING_ORDER("Bon de commande de démantèlement"),
  PURCHASE_ORDER("Bon de commande d'achat"),
  RECYCLING_CERTIFICATE("Certificat de recyclage"),
  ADAPTED_COMPANY_ATTESTATION("Attestation entreprise adaptée"),
  SUPPLIER_EVIDENCE("Justificatif fournisseur"),
  REPORT("Rapport"),
  OTHER("Autre document");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
