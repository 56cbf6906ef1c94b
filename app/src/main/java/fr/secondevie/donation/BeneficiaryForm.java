package fr.secondevie.donation;

import fr.secondevie.common.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A beneficiary as typed in the registry page or sent to the API, before checks.
 *
 * @param active null is taken as true (a new beneficiary is active)
 */
record BeneficiaryForm(
    String name,
    String siret,
    String rna,
    LegalCategory legalCategory,
    String address,
    String contactName,
    String contactEmail,
    String proofDescription,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reuseCommitmentSignedOn,
    Boolean active) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** An empty form (creation page). */
  static BeneficiaryForm empty() {
    return new BeneficiaryForm(null, null, null, null, null, null, null, null, null, true);
  }

  static BeneficiaryForm of(Beneficiary b) {
    return new BeneficiaryForm(
        b.name(),
        b.siret(),
        b.rna(),
        b.legalCategory(),
        b.address(),
        b.contactName(),
        b.contactEmail(),
        b.proofDescription(),
        b.reuseCommitmentSignedOn(),
        b.active());
  }

  /** Values checked and normalised. */
  record Valid(
      String name,
      String siret,
      String rna,
      LegalCategory legalCategory,
      String address,
      String contactName,
      String contactEmail,
      String proofDescription,
      LocalDate reuseCommitmentSignedOn,
      boolean active) {}

  /**
   * Checks every field and reports every error at once.
   *
   * @param today the commitment cannot be signed after it
   * @throws InvalidInputException with one message per wrong field
   */
  Valid validate(LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    String cleanName = trim(name);
    if (cleanName == null) {
      errors.put("name", "Indiquez le nom de l'association.");
    } else if (cleanName.length() > 255) {
      errors.put("name", "Le nom dépasse 255 caractères.");
    }
    String cleanSiret = OrganisationIds.normalize(siret);
    String cleanRna = OrganisationIds.normalize(rna);
    if (cleanSiret == null && cleanRna == null) {
      errors.put("siret", "Indiquez le SIRET ou le numéro RNA de l'association.");
    }
    if (cleanSiret != null && !OrganisationIds.isValidSiret(cleanSiret)) {
      errors.put(
          "siret",
          "« "
              + siret.strip()
              + " » n'est pas un SIRET valide (14 chiffres dont la clé de contrôle est juste).");
    }
    if (cleanRna != null && !OrganisationIds.isValidRna(cleanRna)) {
      errors.put(
          "rna",
          "« "
              + rna.strip()
              + " » n'est pas un numéro RNA (W suivi de 9 caractères, ex. W751234567).");
    }
    if (legalCategory == null) {
      errors.put("legalCategory", "Choisissez la catégorie juridique (CGPPP L3212-2).");
    }
    String cleanAddress = trim(address);
    if (cleanAddress == null) {
      errors.put("address", "Indiquez l'adresse du siège (elle figure sur la convention).");
    } else if (cleanAddress.length() > 500) {
      errors.put("address", "L'adresse dépasse 500 caractères.");
    }
    String cleanEmail = trim(contactEmail);
    if (cleanEmail == null) {
      errors.put("contactEmail", "Indiquez le courriel du contact.");
    } else if (!EMAIL.matcher(cleanEmail).matches() || cleanEmail.length() > 320) {
      errors.put("contactEmail", "« " + cleanEmail + " » n'est pas une adresse électronique.");
    }
    if (reuseCommitmentSignedOn != null && reuseCommitmentSignedOn.isAfter(today)) {
      errors.put(
          "reuseCommitmentSignedOn", "La date de signature de l'engagement est dans le futur.");
    }
    String cleanContact = trim(contactName);
    if (cleanContact != null && cleanContact.length() > 255) {
      errors.put("contactName", "Le nom du contact dépasse 255 caractères.");
    }
    String cleanProof = trim(proofDescription);
    if (cleanProof != null && cleanProof.length() > 255) {
      errors.put("proofDescription", "La description du justificatif dépasse 255 caractères.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Valid(
        cleanName,
        cleanSiret,
        cleanRna,
        legalCategory,
        cleanAddress,
        cleanContact,
        cleanEmail.toLowerCase(Locale.ROOT),
        cleanProof,
        reuseCommitmentSignedOn,
        active == null || active);
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
