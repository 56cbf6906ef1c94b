/**
 * Suppliers: the referencing of suppliers on their sustainable-IT (numérique responsable) maturity,
 * process P4 {@code supplier-referencing}.
 *
 * <p>A {@link fr.secondevie.suppliers.Supplier} (name, SIRET checked with its Luhn key, contacts,
 * categories) answers a versioned {@link fr.secondevie.suppliers.Questionnaire} (criteria grouped
 * by the five axes of the Charte Numérique Responsable, each with a weight, a question, the
 * evidence expected and an answer type) through an {@link
 * fr.secondevie.suppliers.SupplierApplication}. Suppliers reach it on the public portal with a
 * token only: 256 random bits e-mailed in a link, stored hashed, bound to one application, expiring
 * with its deadline. Evidence files pass {@code UploadPolicy.EVIDENCE} before they are stored as
 * documents. An evaluator accepts or rejects each criterion's evidence; only accepted answers count
 * in the justified score ({@link fr.secondevie.suppliers.Scoring}), from which the decision {@code
 * supplier-maturity} gives the maturity level and tender bonus; a buyer references the supplier for
 * three years, rejects it or asks for more evidence.
 *
 * <p>The job workers of P4 live here ({@code ReferencingWorkers}); pages and API in subpackage
 * {@code web}. The module talks to the process runtime only through {@link
 * fr.secondevie.suppliers.SupplierProcesses} (Camunda client).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Suppliers",
    allowedDependencies = {
      "common :: api",
      "documents :: api",
      "notification :: api",
      "processes :: api"
    })
package fr.secondevie.suppliers;
