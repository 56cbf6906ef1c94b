package fr.secondevie.suppliers;

import fr.secondevie.common.Siret;
import fr.secondevie.processes.SupplierReferencingProcess;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A candidate supplier as a buyer registers it, or as the SAD platform admits it: the {@code
 * candidate} variable that starts process P4.
 *
 * @param categories names of {@link SupplierCategory}
 * @param origin {@code BUYER} or {@code SAD}
 * @param sadReference the admission's reference on the purchasing platform (SAD only)
 */
public record Candidate(
    String name,
    String siret,
    String contactName,
    String contactEmail,
    String contactPhone,
    List<String> categories,
    String origin,
    String sadReference,
    String registeredBy) {

  /** Field names, as the form and the API name them. */
  public static final List<String> FIELDS =
      List.of(
          "name",
          "siret",
          "contactName",
          "contactEmail",
          "contactPhone",
          "categories",
          "origin",
          "sadReference");

  public Candidate {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** Trimmed, SIRET without spaces, e-mail in lower case. */
  public Candidate normalized() {
    return new Candidate(
        strip(name),
        Siret.normalize(strip(siret)),
        strip(contactName),
        contactEmail == null ? null : contactEmail.strip().toLowerCase(Locale.ROOT),
        strip(contactPhone),
        categories.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList(),
        origin == null ? null : origin.strip().toUpperCase(Locale.ROOT),
        strip(sadReference),
        strip(registeredBy));
  }

  /** Every problem of a normalized candidate: field name → French message (empty when valid). */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (name == null) {
      problems.put("name", "Indiquez la raison sociale du fournisseur.");
    } else if (name.length() > 255) {
      problems.put("name", "La raison sociale compte au plus 255 caractères.");
    }
    String siretProblem = Siret.problem(siret);
    if (siretProblem != null) {
      problems.put("siret", siretProblem);
    }
    if (contactName == null) {
      problems.put("contactName", "Indiquez le nom du contact qui recevra le questionnaire.");
    } else if (contactName.length() > 255) {
      problems.put("contactName", "Le nom du contact compte au plus 255 caractères.");
    }
    if (contactEmail == null
        || contactEmail.length() > 320
        || !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.put(
          "contactEmail",
          "Indiquez une adresse électronique valide, par exemple nom@fournisseur.fr.");
    }
    if (contactPhone != null && !contactPhone.matches("[+0-9 ().-]{6,40}")) {
      problems.put(
          "contactPhone", "Le téléphone ne contient que des chiffres, espaces et + ( ) . -");
    }
    if (categories.isEmpty()) {
      problems.put("categories", "Choisissez au moins une catégorie.");
    } else {
      List<String> unknown = new ArrayList<>();
      for (String category : categories) {
        try {
          SupplierCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
          unknown.add(category);
        }
      }
      if (!unknown.isEmpty()) {
        problems.put("categories", "Catégorie inconnue : " + String.join(", ", unknown) + ".");
      }
    }
    if (!SupplierReferencingProcess.Origins.BUYER.equals(origin)
        && !SupplierReferencingProcess.Origins.SAD.equals(origin)) {
      problems.put("origin", "L'origine est BUYER (acheteur) ou SAD (admission au SAD).");
    } else if (SupplierReferencingProcess.Origins.SAD.equals(origin)
        && (sadReference == null || sadReference.length() > 100)) {
      problems.put(
          "sadReference", "Indiquez la référence de l'admission au SAD (100 caractères au plus).");
    }
    return problems;
  }

  Set<SupplierCategory> categorySet() {
    Set<SupplierCategory> set = EnumSet.noneOf(SupplierCategory.class);
    categories.forEach(c -> set.add(SupplierCategory.valueOf(c)));
    return set;
  }

  SupplierContact contact() {
    return new SupplierContact(contactName, contactEmail, contactPhone);
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
