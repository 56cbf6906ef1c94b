package fr.secondevie.suppliers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side for the staff pages: the supplier registry and a supplier's applications. */
@Service
@Transactional(readOnly = true)
public class SupplierDirectory {

  private final SupplierRepository suppliers;
  private final ApplicationRepository applications;
  private final QuestionnaireCatalog catalog;
  private final Clock clock;

  SupplierDirectory(
      SupplierRepository suppliers,
      ApplicationRepository applications,
      QuestionnaireCatalog catalog,
      Clock clock) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** A row of the registry: the supplier and its open application, if any. */
  public record Entry(Supplier supplier, Application openApplication) {}

  public List<Entry> registry() {
    Map<Long, Application> open =
        applications.findInProgress().stream()
            .collect(
                Collectors.toMap(Application::getSupplierId, Function.identity(), (a, b) -> b));
    return suppliers.findAllByName().stream().map(s -> new Entry(s, open.get(s.getId()))).toList();
  }

  /** Applications waiting for an evaluator, oldest submission first. */
  public List<Application> awaitingEvaluation() {
    return applications.findInProgress().stream()
        .filter(a -> a.getStatus() == ApplicationStatus.SUBMITTED)
        .sorted(Comparator.comparing(Application::getSubmittedAt))
        .toList();
  }

  public Optional<Supplier> supplier(long id) {
    return suppliers.findById(id);
  }

  public Optional<Supplier> supplierBySiret(String siret) {
    return suppliers.findBySiret(siret);
  }

  public List<Application> applicationsOf(long supplierId) {
    return applications.findBySupplier(supplierId);
  }

  /** The open application of a supplier, which blocks a new candidature. */
  public Optional<Application> openApplicationOf(long supplierId) {
    return applications.findBySupplier(supplierId).stream()
        .filter(a -> !a.getStatus().isClosed())
        .findFirst();
  }

  public Optional<Application> application(long id) {
    return applications.findById(id);
  }

  public Questionnaire questionnaire(Application application) {
    return catalog.get(application.getQuestionnaireVersion());
  }

  public Questionnaire currentQuestionnaire() {
    return catalog.current();
  }

  public LocalDate today() {
    return clock.instant().atZone(ReferencingCommands.PARIS).toLocalDate();
  }
}
