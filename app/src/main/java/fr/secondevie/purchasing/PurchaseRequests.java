package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.choice;
import static fr.secondevie.purchasing.PurchaseCommands.text;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The request command of P5: check what the requester typed, record the need and start the process;
 * and what the pages, the API and the workers read of a request (its stock assignments, offers,
 * order, received units and warranty returns).
 */
@Service
class PurchaseRequests {

  static final int MAX_QUANTITY = 5000;

  /**
   * The grades a request may ask for, best first (D, very worn or incomplete, is never offered).
   */
  static final List<String> GRADES = List.of("A", "B", "C");

  private final PurchaseRequestRepository requests;
  private final PurchaseOfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final PurchaseUnitRepository units;
  private final PurchaseProcesses processes;
  private final TransactionTemplate transactions;
  private final Clock clock;

  PurchaseRequests(
      PurchaseRequestRepository requests,
      PurchaseOfferRepository offers,
      PurchaseOrderRepository orders,
      PurchaseUnitRepository units,
      PurchaseProcesses processes,
      TransactionTemplate transactions,
      Clock clock) {
    this.requests = requests;
    this.offers = offers;
    this.orders = orders;
    this.units = units;
    this.processes = processes;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a requester types (page or API); every field checked by {@link #submit}. */
  record RequestInput(
      String service,
      String site,
      String category,
      Integer quantity,
      String useCase,
      String securityConstraint,
      LocalDate neededBy,
      String justification,
      String minimumGrade) {}

  /**
   * Records the request, then starts P5. The row is committed before the process starts (its first
   * worker reads it); if the process cannot start, the row is removed and the error goes up.
   */
  PurchaseRequest submit(RequestInput input, String user) {
    PurchaseRequestRepository.NewRequest request = check(input);
    long id = transactions.execute(tx -> requests.insertRequest(request, user, clock.instant()));
    long key;
    try {
      key = processes.start(id, user);
    } catch (RuntimeException e) {
      requests.deleteRequest(id);
      throw e;
    }
    requests.writeProcessInstance(id, key);
    return requests.findRequest(id).orElseThrow();
  }

  private PurchaseRequestRepository.NewRequest check(RequestInput in) {
    Map<String, String> errors = new LinkedHashMap<>();
    String service = text(in.service(), "service", "le service demandeur", 255, errors);
    String site = text(in.site(), "site", "le site", 255, errors);
    AssetCategory category =
        choice(AssetCategory.class, in.category(), "category", "la catégorie", errors);
    if (in.quantity() == null || in.quantity() < 1 || in.quantity() > MAX_QUANTITY) {
      errors.put("quantity", "Indiquez une quantité entre 1 et " + MAX_QUANTITY + ".");
    }
    UseCase useCase = choice(UseCase.class, in.useCase(), "useCase", "l'usage", errors);
    SecurityConstraint security =
        in.securityConstraint() == null || in.securityConstraint().isBlank()
            ? SecurityConstraint.NONE
            : choice(
                SecurityConstraint.class,
                in.securityConstraint(),
                "securityConstraint",
                "la contrainte de sécurité",
                errors);
    if (in.neededBy() == null) {
      errors.put("neededBy", "Indiquez la date de besoin.");
    } else if (in.neededBy().isBefore(today(clock))) {
      errors.put("neededBy", "La date de besoin est passée.");
    }
    String justification =
        text(in.justification(), "justification", "la justification du besoin", 2000, errors);
    String grade =
        in.minimumGrade() == null || in.minimumGrade().isBlank()
            ? "C"
            : in.minimumGrade().strip().toUpperCase(Locale.ROOT);
    if (!GRADES.contains(grade)) {
      errors.put("minimumGrade", "Choisissez l'état minimal accepté : A, B ou C.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new PurchaseRequestRepository.NewRequest(
        service,
        site,
        category,
        in.quantity(),
        useCase,
        security,
        in.neededBy(),
        justification,
        grade);
  }

  // ------------------------------------------------------------------ reads

  Optional<PurchaseRequest> find(long id) {
    return requests.findRequest(id);
  }

  List<PurchaseRequest> requests() {
    return requests.requestsNewestFirst();
  }

  List<String> assignedFromStock(long requestId) {
    return units.assignedInventoryNumbers(requestId);
  }

  List<Offer> offers(long requestId) {
    return offers.offers(requestId);
  }

  Optional<PurchaseOrder> orderOf(long requestId) {
    return orders.orderOf(requestId);
  }

  List<ReceptionUnit> units(long orderId) {
    return units.units(orderId);
  }

  List<WarrantyReturn> warrantyReturns(long orderId) {
    return units.warrantyReturns(orderId);
  }
}
