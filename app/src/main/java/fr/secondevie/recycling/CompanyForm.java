package fr.secondevie.recycling;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.Siret;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** An adapted company as typed in or sent to the API, before checks. */
record CompanyForm(
    String name,
    String siret,
    CompanyType type,
    String agreementRef,
    String ecoOrganisme,
    String ecoOrganismeContractRef,
    String email,
    String address,
    Integer lotSize,
    Boolean defaultCompany,
    Boolean active) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  static CompanyForm empty() {
    return new CompanyForm(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        AdaptedCompany.DEFAULT_LOT_SIZE,
        false,
        true);
  }

  static CompanyForm of(AdaptedCompany c) {
    return new CompanyForm(
        c.name(),
        c.siret(),
        c.type(),
        c.agreementRef(),
        c.ecoOrganisme(),
        c.ecoOrganismeContractRef(),
        c.email(),
        c.address(),
        c.lotSize(),
        c.defaultCompany(),
        c.active());
  }

  record Valid(
      String name,
      String siret,
      CompanyType type,
      String agreementRef,
      String ecoOrganisme,
      String ecoOrganismeContractRef,
      String email,
      String address,
      int lotSize,
      boolean defaultCompany,
      boolean active) {}

  /**
   * @throws InvalidInputException with one message per wrong field
   */
  Valid validate() {
    Map<String, String> errors = new LinkedHashMap<>();
    String cleanName = required(errors, "name", name, 255, "Indiquez la raison sociale.");
    String cleanSiret = Siret.normalize(siret);
    if (cleanSiret == null) {
      errors.put("siret", "Indiquez le SIRET de l'établissement.");
    } else if (!Siret.isValid(cleanSiret)) {
      errors.put(
          "siret",
          "« "
              + siret.strip()
              + " » n'est pas un SIRET valide (14 chiffres dont la clé de contrôle est juste).");
    }
    if (type == null) {
      errors.put("type", "Choisissez le type : entreprise adaptée ou ESAT.");
    }
    String cleanAgreement =
        required(
            errors,
            "agreementRef",
            agreementRef,
            120,
            "Indiquez la référence de l'agrément (contrat de l'EA ou autorisation de l'ESAT).");
    String cleanEco = optional(errors, "ecoOrganisme", ecoOrganisme, 120);
    String cleanEcoContract =
        optional(errors, "ecoOrganismeContractRef", ecoOrganismeContractRef, 120);
    if (cleanEco != null && cleanEcoContract == null) {
      errors.put(
          "ecoOrganismeContractRef",
          "Indiquez la référence du contrat avec " + cleanEco + " (article R543-200-1).");
    }
    String cleanEmail =
        required(errors, "email", email, 320, "Indiquez le courriel des commandes.");
    if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
      errors.put("email", "« " + cleanEmail + " » n'est pas une adresse électronique.");
    }
    String cleanAddress =
        required(errors, "address", address, 500, "Indiquez l'adresse de l'établissement.");
    if (lotSize == null || lotSize < 1 || lotSize > 10_000) {
      errors.put("lotSize", "La taille d'un lot doit être comprise entre 1 et 10 000 équipements.");
    }
    boolean isActive = active == null || active;
    if (Boolean.TRUE.equals(defaultCompany) && !isActive) {
      errors.put("defaultCompany", "Une entreprise inactive ne peut pas être celle par défaut.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Valid(
        cleanName,
        cleanSiret,
        type,
        cleanAgreement,
        cleanEco,
        cleanEcoContract,
        cleanEmail.toLowerCase(Locale.ROOT),
        cleanAddress,
        lotSize,
        Boolean.TRUE.equals(defaultCompany),
        isActive);
  }

  private static String required(
      Map<String, String> errors, String field, String value, int max, String missing) {
    String clean = optional(errors, field, value, max);
    if (clean == null && !errors.containsKey(field)) {
      errors.put(field, missing);
    }
    return clean;
  }

  private static String optional(Map<String, String> errors, String field, String value, int max) {
    String clean = value == null || value.isBlank() ? null : value.strip();
    if (clean != null && clean.length() > max) {
      errors.put(field, "Ce champ dépasse " + max + " caractères.");
    }
    return clean;
  }
}
