package fr.secondevie.suppliers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side for the staff pages: the supplier registry and a supplier's applications. */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class SupplierDirectory {

  private final SupplierRepository suppliers;
  private final SupplierApplicationRepository applications;
  private final QuestionnaireCatalog catalog;
  private final Clock clock;

  SupplierDirectory(
      SupplierRepository suppliers,
      SupplierApplicationRepository applications,
      QuestionnaireCatalog catalog,
      Clock clock) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** A row of the registry: the supplier and its open application, if any. */
  @NamedInterface("api")
  public record Entry(Supplier supplier, SupplierApplication openApplication) {}

  public List<Entry> registry() {
    Map<Long, SupplierApplication> open =
        applications.findInProgress().stream()
            .collect(
                Collectors.toMap(
                    SupplierApplication::getSupplierId, Function.identity(), (a, b) -> b));
    return suppliers.findAllByName().stream().map(s -> new Entry(s, open.get(s.getId()))).toList();
  }

  /** Applications waiting for an evaluator, oldest submission first. */
  public List<SupplierApplication> awaitingEvaluation() {
    return applications.findInProgress().stream()
        .filter(a -> a.getStatus() == SupplierApplicationStatus.SUBMITTED)
        .sorted(Comparator.comparing(SupplierApplication::getSubmittedAt))
        .toList();
  }

  public Optional<Supplier> supplier(long id) {
    return suppliers.findById(id);
  }

  public Optional<Supplier> supplierBySiret(String siret) {
    return suppliers.findBySiret(siret);
  }

  public List<SupplierApplication> applicationsOf(long supplierId) {
    return applications.findBySupplier(supplierId);
  }

  /** The open application of a supplier, which blocks a new candidature. */
  public Optional<SupplierApplication> openApplicationOf(long supplierId) {
    return applications.findBySupplier(supplierId).stream()
        .filter(a -> !a.getStatus().isClosed())
        .findFirst();
  }

  public Optional<SupplierApplication> application(long id) {
    return applications.findById(id);
  }

  public Questionnaire questionnaire(SupplierApplication application) {
    return catalog.get(application.getQuestionnaireVersion());
  }

  public Questionnaire currentQuestionnaire() {
    return catalog.current();
  }

  public LocalDate today() {
    return clock.instant().atZone(ReferencingCommands.PARIS).toLocalDate();
  }
}
