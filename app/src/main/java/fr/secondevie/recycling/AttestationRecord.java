package fr.secondevie.recycling;

import fr.secondevie.common.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recycling certificate and the adapted company's attestation (form {@code enter-attestation}),
 * checked; amounts in euro cents. The labour cost is the attestation's "montant 3" (price excluding
 * VAT minus materials, subcontracting and sales costs, D.5212-21 C. trav.), at most the invoice.
 */
record AttestationRecord(
    String recyclingCertificateRef,
    LocalDate recyclingCertificateDate,
    String eaAttestationRef,
    long invoiceCents,
    long labourCostCents,
    String notes) {

  /** 10 million euros: beyond, a typing error (and it would not fit the cents column). */
  static final BigDecimal MAX_EUROS = new BigDecimal("10000000");

  /**
   * @param invoiceEuros euros excluding VAT, at most 2 decimals
   * @param labourEuros euros, at most 2 decimals
   * @param pickedUpOn the certificate cannot precede the pickup
   * @throws InvalidInputException naming every wrong field
   */
  static AttestationRecord validate(
      String recyclingCertificateRef,
      LocalDate recyclingCertificateDate,
      String eaAttestationRef,
      BigDecimal invoiceEuros,
      BigDecimal labourEuros,
      String notes,
      LocalDate pickedUpOn,
      LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    String certificate = text(errors, "recyclingCertificateRef", recyclingCertificateRef, 80);
    if (certificate == null && !errors.containsKey("recyclingCertificateRef")) {
      errors.put("recyclingCertificateRef", "Indiquez la référence du certificat de recyclage.");
    }
    if (recyclingCertificateDate == null) {
      errors.put("recyclingCertificateDate", "Indiquez la date du certificat de recyclage.");
    } else if (recyclingCertificateDate.isAfter(today)) {
      errors.put("recyclingCertificateDate", "La date du certificat est dans le futur.");
    } else if (pickedUpOn != null && recyclingCertificateDate.isBefore(pickedUpOn)) {
      errors.put(
          "recyclingCertificateDate",
          "Le certificat ne peut précéder l'enlèvement du lot (" + pickedUpOn + ").");
    }
    String attestation = text(errors, "eaAttestationRef", eaAttestationRef, 80);
    if (attestation == null && !errors.containsKey("eaAttestationRef")) {
      errors.put("eaAttestationRef", "Indiquez la référence de l'attestation de l'entreprise.");
    }
    Long invoice = cents(errors, "invoiceAmountExclTax", invoiceEuros, "Le montant facturé HT");
    Long labour = cents(errors, "labourCost", labourEuros, "Le coût de main-d'œuvre");
    if (invoice != null && labour != null && labour > invoice) {
      errors.put("labourCost", "Le coût de main-d'œuvre ne peut dépasser le montant facturé HT.");
    }
    String cleanNotes = text(errors, "notes", notes, 2000);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new AttestationRecord(
        certificate, recyclingCertificateDate, attestation, invoice, labour, cleanNotes);
  }

  private static String text(Map<String, String> errors, String field, String value, int max) {
    String clean = value == null || value.isBlank() ? null : value.strip();
    if (clean != null && clean.length() > max) {
      errors.put(field, "Ce champ dépasse " + max + " caractères.");
    }
    return clean;
  }

  private static Long cents(
      Map<String, String> errors, String field, BigDecimal euros, String what) {
    if (euros == null) {
      errors.put(field, what + " est obligatoire.");
      return null;
    }
    if (euros.signum() < 0) {
      errors.put(field, what + " ne peut être négatif.");
      return null;
    }
    if (euros.stripTrailingZeros().scale() > 2) {
      errors.put(field, what + " a plus de deux décimales.");
      return null;
    }
    if (euros.compareTo(MAX_EUROS) > 0) {
      errors.put(field, what + " dépasse 10 000 000 € : vérifiez la saisie.");
      return null;
    }
    return euros.movePointRight(2).longValueExact();
  }
}
