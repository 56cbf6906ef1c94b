package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.ReferencingCommands.now;
import static fr.secondevie.suppliers.ReferencingCommands.supplier;

import fr.secondevie.common.Siret;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registration command of process P4 ({@code supplier.register-candidate}): record the supplier
 * (created, or updated by SIRET) and the application of the process instance, once per instance.
 */
@Service
class CandidateRegistration {

  private final SupplierRepository suppliers;
  private final SupplierApplicationRepository applications;
  private final QuestionnaireCatalog catalog;
  private final TransactionTemplate tx;
  private final Clock clock;

  CandidateRegistration(
      SupplierRepository suppliers,
      SupplierApplicationRepository applications,
      QuestionnaireCatalog catalog,
      TransactionTemplate tx,
      Clock clock) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.catalog = catalog;
    this.tx = tx;
    this.clock = clock;
  }

  /** Output of {@code supplier.register-candidate}. */
  public record Registration(
      long applicationId, long supplierId, String supplierName, String questionnaireVersion) {}

  /**
   * Records the supplier (created, or updated by SIRET) and the application of this process
   * instance; once per instance.
   *
   * @throws CandidateAlreadyInProgressException another application of the supplier is open
   * @throws IllegalArgumentException the candidate is invalid (the pages and API check it first)
   */
  public Registration register(Candidate submitted, long processInstanceKey) {
    Candidate candidate = submitted.normalized();
    Map<String, String> problems = candidate.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Expected a valid candidate but got " + problems);
    }
    return tx.execute(
        status -> {
          SupplierApplication existing =
              applications.findByProcessInstanceKey(processInstanceKey).orElse(null);
          if (existing != null) {
            Supplier supplier = supplier(suppliers, existing.getSupplierId());
            if (!supplier.getSiret().value().equals(candidate.siret())) {
              // a process instance key seen before for another supplier: the runtime's keys
              // restarted (an embedded engine without its state), never register over it
              throw new IllegalStateException(
                  "Process instance %d is already application %d of another supplier"
                      .formatted(processInstanceKey, existing.getId()));
            }
            return registration(existing, supplier);
          }
          Instant now = now(clock);
          Siret siret = new Siret(candidate.siret());
          Supplier supplier = suppliers.findBySiret(siret.value()).orElse(null);
          if (supplier == null) {
            supplier =
                Supplier.create(
                    candidate.name(),
                    siret,
                    candidate.categorySet(),
                    candidate.contact(),
                    now,
                    candidate.registeredBy() == null ? "SAD" : candidate.registeredBy());
          } else {
            Supplier known = supplier;
            SupplierApplication open =
                applications.findBySupplier(known.getId()).stream()
                    .filter(a -> !a.getStatus().isClosed())
                    .findFirst()
                    .orElse(null);
            if (open != null && open.getProcessInstanceKey() == processInstanceKey) {
              // the same job delivered twice at once: the other delivery registered it meanwhile
              return registration(open, known);
            }
            if (open != null) {
              throw new CandidateAlreadyInProgressException(known.getName(), open.getId());
            }
            supplier.update(candidate.name(), candidate.categorySet(), candidate.contact());
          }
          supplier = suppliers.save(supplier);
          SupplierApplication application =
              applications.save(
                  SupplierApplication.register(
                      supplier.getId(),
                      catalog.current().version(),
                      processInstanceKey,
                      candidate.origin(),
                      candidate.sadReference(),
                      candidate.contact(),
                      candidate.registeredBy() == null ? "SAD" : candidate.registeredBy(),
                      now));
          return registration(application, supplier);
        });
  }

  private static Registration registration(SupplierApplication application, Supplier supplier) {
    return new Registration(
        application.getId(),
        supplier.getId(),
        supplier.getName(),
        application.getQuestionnaireVersion());
  }
}
