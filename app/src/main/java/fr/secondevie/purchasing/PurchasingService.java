package fr.secondevie.purchasing;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetQuery;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.AssetSummary;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Channels;
import fr.secondevie.reconditioning.ReconditionedGrades;
import fr.secondevie.suppliers.Supplier;
import fr.secondevie.suppliers.SupplierCategory;
import fr.secondevie.suppliers.SupplierContact;
import fr.secondevie.suppliers.SupplierDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of P5 on the purchasing tables, the inventory, the supplier registry, the documents and
 * the outbox. Each step checks everything before writing anything, writes in one transaction and
 * can run twice (a job delivered twice) without doing anything twice.
 */
@Service
class PurchasingService {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String ACTOR_ASSIGN = "worker:purchasing.assign-stock";
  static final String ACTOR_RECEPTION = "worker:purchasing.record-reception";
  static final int MAX_QUANTITY = 5000;

  /**
   * The grades a request may ask for, best first (D, very worn or incomplete, is never offered).
   */
  static final List<String> GRADES = List.of("A", "B", "C");

  /** Stock units read per search before their grades are compared. */
  static final int STOCK_CANDIDATES = AssetQuery.MAX_SIZE;

  private final PurchaseRepository repository;
  private final PurchaseProcesses processes;
  private final InventoryService inventory;
  private final InspectionService inspections;
  private final ReconditionedGrades reconditionedGrades;
  private final SupplierDirectory suppliers;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final PurchaseOrderRenderer renderer;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Set<AssetCategory> contractCategories;

  PurchasingService(
      PurchaseRepository repository,
      PurchaseProcesses processes,
      InventoryService inventory,
      InspectionService inspections,
      ReconditionedGrades reconditionedGrades,
      SupplierDirectory suppliers,
      DocumentService documents,
      NotificationService notifications,
      PurchaseOrderRenderer renderer,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${secondevie.purchasing.reconditioned-contract-categories:}")
          List<AssetCategory> contractCategories) {
    this.repository = repository;
    this.processes = processes;
    this.inventory = inventory;
    this.inspections = inspections;
    this.reconditionedGrades = reconditionedGrades;
    this.suppliers = suppliers;
    this.documents = documents;
    this.notifications = notifications;
    this.renderer = renderer;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
    this.contractCategories = Set.copyOf(contractCategories);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PARIS));
  }

  // ------------------------------------------------------------------ 1. request

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
    PurchaseRepository.NewRequest request = check(input);
    long id = transactions.execute(tx -> repository.insertRequest(request, user, clock.instant()));
    long key;
    try {
      key = processes.start(id, user);
    } catch (RuntimeException e) {
      repository.deleteRequest(id);
      throw e;
    }
    repository.writeProcessInstance(id, key);
    return repository.findRequest(id).orElseThrow();
  }

  private PurchaseRepository.NewRequest check(RequestInput in) {
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
    } else if (in.neededBy().isBefore(today())) {
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
    return new PurchaseRepository.NewRequest(
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

  Optional<PurchaseRequest> find(long id) {
    return repository.findRequest(id);
  }

  List<PurchaseRequest> requests() {
    return repository.requestsNewestFirst();
  }

  List<String> assignedFromStock(long requestId) {
    return repository.assignedInventoryNumbers(requestId);
  }

  List<Offer> offers(long requestId) {
    return repository.offers(requestId);
  }

  Optional<PurchaseOrder> orderOf(long requestId) {
    return repository.orderOf(requestId);
  }

  List<ReceptionUnit> units(long orderId) {
    return repository.units(orderId);
  }

  // ------------------------------------------------------------------ 2. internal stock

  /**
   * One asset proposed from the internal stock ({@code accepted} is set by the requester).
   *
   * @param grade A, B or C, or « non évalué »
   */
  record StockItem(
      long assetId,
      String inventoryNumber,
      String description,
      String site,
      String grade,
      Boolean accepted) {}

  /** What {@code purchasing.find-internal-stock} returns. */
  record StockSearch(
      PurchaseRequest request,
      List<StockItem> proposal,
      int remainingQuantity,
      boolean reconditionedOffersAvailable) {}

  StockSearch findInternalStock(long requestId) {
    PurchaseRequest request = request(requestId);
    int remaining = request.remainingQuantity();
    List<StockItem> proposal = new ArrayList<>();
    if (remaining > 0) {
      List<AssetSummary> candidates =
          inventory
              .search(
                  new AssetQuery(
                      AssetStatus.IN_STOCK, request.category(), null, null, 0, STOCK_CANDIDATES))
              .content();
      Map<Long, String> grades = grades(candidates);
      candidates.stream()
          .filter(a -> fits(grades.get(a.id()), request.minimumGrade()))
          .sorted(
              java.util.Comparator.comparing(
                  (AssetSummary a) -> grades.getOrDefault(a.id(), UNGRADED)))
          .limit(remaining)
          .forEach(
              a ->
                  proposal.add(
                      new StockItem(
                          a.id(),
                          a.inventoryNumber(),
                          describe(a),
                          a.site() == null ? "" : a.site(),
                          grades.getOrDefault(a.id(), UNGRADED),
                          false)));
    }
    return new StockSearch(request, proposal, remaining, reconditionedOffersAvailable(request));
  }

  /** Shown for a unit without any recorded grade (sorted after the graded ones). */
  static final String UNGRADED = "non évalué";

  /**
   * The grade of each unit: after its last reconditioning when it was reconditioned, else from its
   * last inspection (collection).
   */
  private Map<Long, String> grades(List<AssetSummary> units) {
    Map<Long, String> grades =
        new java.util.HashMap<>(
            reconditionedGrades.of(units.stream().map(AssetSummary::id).toList()));
    for (AssetSummary unit : units) {
      if (!grades.containsKey(unit.id())) {
        inspections
            .latest(unit.id())
            .map(Inspection::conditionGrade)
            .ifPresent(g -> grades.put(unit.id(), g));
      }
    }
    return grades;
  }

  /**
   * A unit fits a request when its grade is the minimum asked or better; D never fits; a unit never
   * graded fits only a request that accepts any working unit (C).
   */
  static boolean fits(String grade, String minimum) {
    if (grade == null) {
      return "C".equals(minimum);
    }
    return GRADES.contains(grade) && grade.compareTo(minimum) <= 0;
  }

  /**
   * A referenced supplier of reconditioned equipment, valid today, or a purchasing central / SAD
   * contract for reconditioned equipment of the category ({@code
   * secondevie.purchasing.reconditioned-contract-categories}).
   */
  boolean reconditionedOffersAvailable(PurchaseRequest request) {
    if (contractCategories.contains(request.category())) {
      return true;
    }
    LocalDate today = today();
    return suppliers.registry().stream()
        .map(SupplierDirectory.Entry::supplier)
        .anyMatch(
            s ->
                s.isReferencedOn(today)
                    && s.categories().contains(SupplierCategory.RECONDITIONED_EQUIPMENT));
  }

  private static String describe(AssetSummary a) {
    StringBuilder s = new StringBuilder(a.category().label());
    for (String part : new String[] {a.manufacturer(), a.model(), a.serialNumber()}) {
      if (part != null && !part.isBlank()) {
        s.append(" — ").append(part);
      }
    }
    return s.toString();
  }

  /** An accepted asset is no longer in stock: nothing was assigned. */
  static class StockUnavailableException extends RuntimeException {
    StockUnavailableException(String message) {
      super(message);
    }
  }

  /**
   * Assigns the accepted assets to the requesting service: each moves from IN_STOCK to IN_SERVICE
   * with a custody entry naming the service, the site and the request. All or nothing.
   *
   * @return the units still to buy
   */
  int assignStock(long requestId, List<StockItem> reviewed, String operationId, String actor) {
    return transactions.execute(
        tx -> {
          PurchaseRequest request =
              repository.lockRequest(requestId).orElseThrow(() -> notFound(requestId));
          for (StockItem item : reviewed == null ? List.<StockItem>of() : reviewed) {
            if (!Boolean.TRUE.equals(item.accepted())
                || repository.isAssigned(requestId, item.assetId())) {
              continue;
            }
            Asset asset =
                inventory
                    .findById(item.assetId())
                    .orElseThrow(
                        () ->
                            new StockUnavailableException(
                                "L'équipement " + item.inventoryNumber() + " n'existe plus."));
            if (asset.status() != AssetStatus.IN_STOCK || asset.category() != request.category()) {
              throw new StockUnavailableException(
                  "L'équipement " + asset.inventoryNumber() + " n'est plus en stock.");
            }
            if (repository.assignedInventoryNumbers(requestId).size() >= request.quantity()) {
              break;
            }
            inventory.changeStatus(
                new ChangeStatus(
                    asset.inventoryNumber(),
                    AssetStatus.IN_SERVICE,
                    actor,
                    "Affecté depuis le stock au service "
                        + request.service()
                        + " ("
                        + request.site()
                        + "), demande d'achat "
                        + request.reference(),
                    null,
                    operationId + ":" + asset.id()));
            repository.insertAssignment(
                requestId, asset.id(), asset.inventoryNumber(), clock.instant());
          }
          PurchaseRequest after = repository.findRequest(requestId).orElseThrow();
          if (after.remainingQuantity() == 0) {
            repository.writeStatus(requestId, RequestStatus.SERVED_FROM_STOCK);
          }
          return after.remainingQuantity();
        });
  }

  // ------------------------------------------------------------------ 3. channel

  void recordChannel(long requestId, String channel, String reason) {
    request(requestId);
    if (!Set.of(Channels.RECONDITIONED, Channels.RECONDITIONED_OR_NEW, Channels.NEW)
        .contains(channel)) {
      throw new IllegalArgumentException("Unknown channel " + channel);
    }
    repository.writeChannel(requestId, channel, reason);
  }

  void recordNewPurchaseDecision(
      long requestId,
      String justification,
      boolean approved,
      String comment,
      Optional<CompletedBy> decidedBy) {
    request(requestId);
    repository.writeNewPurchaseDecision(
        requestId,
        justification,
        approved,
        comment,
        person(decidedBy),
        approved ? RequestStatus.SOURCING : RequestStatus.REFUSED);
  }

  // ------------------------------------------------------------------ 4. offers

  /** An offer as the buyer typed it (form {@code record-offers}), prices in euros excl. VAT. */
  record OfferInput(
      String source,
      String supplierSiret,
      String supplierName,
      String contractReference,
      String contractLot,
      Boolean reservedForAdaptedCompanies,
      Boolean reconditioned,
      BigDecimal unitPriceExclTax,
      Integer warrantyMonths,
      Integer deliveryDays) {}

  /**
   * Checks every offer (a referenced supplier must have a referencing valid today; a central or SAD
   * offer names its contract; a new offer is refused when the channel is reconditioned only), then
   * ranks them and replaces the request's offers.
   */
  List<Offer> rankOffers(long requestId, List<OfferInput> inputs) {
    PurchaseRequest request = request(requestId);
    Map<String, String> errors = new LinkedHashMap<>();
    List<OfferRanking.Candidate> candidates = new ArrayList<>();
    if (inputs == null || inputs.isEmpty()) {
      throw InvalidInputException.of("offers", "Saisissez au moins une offre.");
    }
    LocalDate today = today();
    for (int i = 0; i < inputs.size(); i++) {
      OfferInput in = inputs.get(i);
      String at = "Offre " + (i + 1) + " : ";
      String field = "offers[" + i + "]";
      OfferSource source = null;
      try {
        source = OfferSource.valueOf(in.source() == null ? "" : in.source().strip());
      } catch (IllegalArgumentException e) {
        errors.put(field + ".source", at + "indiquez l'origine de l'offre.");
        continue;
      }
      String siret = in.supplierSiret() == null ? "" : in.supplierSiret().replace(" ", "");
      Optional<Supplier> supplier =
          siret.matches("[0-9]{14}") ? suppliers.supplierBySiret(siret) : Optional.empty();
      Long supplierId = null;
      String supplierName = in.supplierName() == null ? "" : in.supplierName().strip();
      int bonus = 0;
      if (!siret.matches("[0-9]{14}")) {
        errors.put(field + ".supplierSiret", at + "le SIRET doit compter 14 chiffres.");
      }
      if (source == OfferSource.REFERENCED_SUPPLIER) {
        if (supplier.isEmpty() || !supplier.get().isReferencedOn(today)) {
          errors.put(
              field + ".supplierSiret",
              at
                  + "le fournisseur de SIRET "
                  + siret
                  + " n'a pas de référencement en cours de validité dans le registre.");
        }
      } else if (in.contractReference() == null || in.contractReference().isBlank()) {
        errors.put(
            field + ".contractReference",
            at + "indiquez la référence du contrat de la centrale d'achat ou du SAD.");
      }
      if (supplier.isPresent()) {
        supplierId = supplier.get().getId();
        supplierName = supplier.get().getName();
        if (supplier.get().isReferencedOn(today) && supplier.get().getTenderBonus() != null) {
          bonus = supplier.get().getTenderBonus();
        }
      } else if (supplierName.isBlank()) {
        errors.put(field + ".supplierName", at + "indiquez le fournisseur titulaire.");
      }
      boolean reconditioned = Boolean.TRUE.equals(in.reconditioned());
      if (Channels.RECONDITIONED.equals(request.channel()) && !reconditioned) {
        errors.put(
            field + ".reconditioned",
            at + "le canal décidé est le reconditionné : une offre de matériel neuf est exclue.");
      }
      if (in.unitPriceExclTax() == null || in.unitPriceExclTax().signum() <= 0) {
        errors.put(field + ".unitPriceExclTax", at + "indiquez un prix unitaire HT positif.");
      }
      if (in.warrantyMonths() == null || in.warrantyMonths() < 0 || in.warrantyMonths() > 120) {
        errors.put(field + ".warrantyMonths", at + "la garantie va de 0 à 120 mois.");
      }
      if (in.deliveryDays() == null || in.deliveryDays() < 1 || in.deliveryDays() > 365) {
        errors.put(field + ".deliveryDays", at + "le délai de livraison va de 1 à 365 jours.");
      }
      if (errors.isEmpty()) {
        candidates.add(
            new OfferRanking.Candidate(
                source,
                supplierId,
                siret,
                supplierName,
                blankToNull(in.contractReference()),
                blankToNull(in.contractLot()),
                Boolean.TRUE.equals(in.reservedForAdaptedCompanies()),
                reconditioned,
                in.unitPriceExclTax()
                    .movePointRight(2)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact(),
                in.warrantyMonths(),
                in.deliveryDays(),
                bonus));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<Offer> ranked = OfferRanking.rank(candidates);
    transactions.executeWithoutResult(tx -> repository.replaceOffers(requestId, ranked));
    return repository.offers(requestId);
  }

  // ------------------------------------------------------------------ 5. order

  /**
   * Orders the offer of the selected rank: the order (reference {@code BC-<year>-<request>}), its
   * PDF and the e-mail to the supplier's first contact when the registry knows one. A second call
   * returns the order placed by the first.
   */
  PurchaseOrder placeOrder(
      long requestId,
      Integer rank,
      String reason,
      String operationId,
      Optional<CompletedBy> selectedBy) {
    Optional<PurchaseOrder> placed = repository.orderOf(requestId);
    if (placed.isPresent()) {
      return placed.get();
    }
    PurchaseRequest request = request(requestId);
    Map<String, String> errors = new LinkedHashMap<>();
    List<Offer> offers = repository.offers(requestId);
    Offer offer =
        rank == null
            ? null
            : offers.stream().filter(o -> o.rank() == rank).findFirst().orElse(null);
    if (offer == null) {
      errors.put(
          "selectedRank", "Choisissez le rang d'une offre classée (1 à " + offers.size() + ").");
    }
    if (reason == null || reason.strip().length() < 5) {
      errors.put("selectionReason", "Motivez le choix de l'offre.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    LocalDate today = today();
    String reference = "BC-%d-%05d".formatted(today.getYear(), requestId);
    PurchaseOrder order =
        transactions.execute(
            tx -> {
              // the same job delivered twice at once: the second waits here, then finds the order
              repository.lockRequest(requestId);
              Optional<PurchaseOrder> already = repository.orderOf(requestId);
              if (already.isPresent()) {
                return already.get();
              }
              repository.insertOrder(
                  requestId,
                  reference,
                  offer.id(),
                  reason.strip(),
                  request.remainingQuantity(),
                  today,
                  today.plusDays(offer.deliveryDays()),
                  person(selectedBy));
              PurchaseOrder inserted = repository.orderOf(requestId).orElseThrow();
              String documentId =
                  documents
                      .store(
                          NewDocument.pdf(
                              DocumentKind.PURCHASE_ORDER,
                              reference + ".pdf",
                              renderer.render(request, inserted, offer),
                              "purchase-order:" + inserted.id(),
                              "worker:purchasing.place-order"))
                      .publicId();
              repository.writeOrderDocument(inserted.id(), documentId);
              repository.writeStatus(requestId, RequestStatus.ORDERED);
              return repository.orderOf(requestId).orElseThrow();
            });
    supplierEmail(offer)
        .ifPresent(
            email ->
                notifications.send(
                    new OutgoingMessage(
                        "purchase-order:" + order.id(),
                        email,
                        "Bon de commande " + reference,
                        renderer.emailBody(request, order, offer),
                        List.of(order.documentId()))));
    return order;
  }

  private Optional<String> supplierEmail(Offer offer) {
    if (offer.supplierId() == null) {
      return Optional.empty();
    }
    return suppliers
        .supplier(offer.supplierId())
        .flatMap(s -> s.getContacts().stream().map(SupplierContact::email).findFirst());
  }

  /**
   * Reminds the supplier when the promised delivery date has passed and the order is not received.
   * The operation id (the reminder's job) makes a job delivered twice remind once.
   *
   * @return the days late, 0 when not late
   */
  long checkDelivery(long requestId, String operationId) {
    PurchaseOrder order = repository.orderOf(requestId).orElse(null);
    if (order == null || !order.awaitsDelivery()) {
      return 0;
    }
    long late = ChronoUnit.DAYS.between(order.expectedBy(), today());
    if (late <= 0) {
      return 0;
    }
    Offer offer = repository.offer(order.offerId()).orElseThrow();
    Optional<String> email = supplierEmail(offer);
    if (email.isPresent()) {
      notifications.send(
          new OutgoingMessage(
              "purchase-delivery-reminder:" + operationId,
              email.get(),
              "Commande " + order.reference() + " : livraison en retard",
              renderer.reminderBody(order, late),
              List.of()));
    }
    repository.countReminder(order.id(), operationId);
    return late;
  }

  // ------------------------------------------------------------------ 5. reception

  /** What the reception form carries. */
  record ReceptionInput(
      LocalDate receivedOn, String acceptedSerials, String refusedUnits, String notes) {}

  /**
   * One delivery recorded.
   *
   * @param receivedCount units of this delivery accepted
   * @param refusedCount units of this delivery refused
   * @param missingQuantity units of the order still due after it (refused or not delivered)
   */
  record Reception(int receivedCount, int refusedCount, int missingQuantity) {

    static Reception last(PurchaseOrder order) {
      return new Reception(
          order.lastDeliveryReceived() == null ? 0 : order.lastDeliveryReceived(),
          order.lastDeliveryRefused() == null ? 0 : order.lastDeliveryRefused(),
          order.awaitsDelivery() ? order.missing() : 0);
    }
  }

  /**
   * Records a delivery of the order: each accepted unit is registered in the inventory (in service
   * at the requesting service, with how it was bought), each refused one keeps its reason. When
   * every unit ordered is accepted the order is received and its spend published; otherwise the
   * units still due wait for the buyer's decision ({@link #recordReplacementDecision}). All or
   * nothing; the same operation (a job delivered twice) returns the first one's counts.
   */
  Reception recordReception(
      long requestId, ReceptionInput input, Optional<CompletedBy> receivedBy, String operationId) {
    PurchaseOrder order =
        repository
            .orderOf(requestId)
            .orElseThrow(() -> new IllegalStateException("No order for request " + requestId));
    if (operationId.equals(order.lastReceptionOperation()) || !order.awaitsDelivery()) {
      return Reception.last(order);
    }
    PurchaseRequest request = request(requestId);
    Offer offer = repository.offer(order.offerId()).orElseThrow();
    CheckedReception checked;
    try {
      checked = check(order, input);
    } catch (InvalidInputException e) {
      // the same job delivered twice: its units are in the inventory because the first recorded
      // them
      PurchaseOrder now = repository.orderOf(requestId).orElseThrow();
      if (operationId.equals(now.lastReceptionOperation())) {
        return Reception.last(now);
      }
      throw e;
    }
    List<String> accepted = checked.accepted();
    List<ReceptionUnit> refused = checked.refused();
    LocalDate receivedOn = input.receivedOn();
    LocalDate warrantyEnd = receivedOn.plusMonths(offer.warrantyMonths());
    return transactions.execute(
        tx -> {
          // the same job delivered twice at once: the second waits here, then returns the first's
          // counts (nothing registered, no second spend line)
          repository.lockRequest(requestId);
          PurchaseOrder current = repository.orderOf(requestId).orElseThrow();
          if (operationId.equals(current.lastReceptionOperation()) || !current.awaitsDelivery()) {
            return Reception.last(current);
          }
          if (accepted.size() + refused.size() > current.missing()) {
            throw InvalidInputException.of("acceptedSerials", tooMany(accepted, refused, current));
          }
          Map<String, String> inInventory = alreadyInInventory(accepted);
          if (!inInventory.isEmpty()) {
            throw InvalidInputException.of("acceptedSerials", alreadyInInventoryText(inInventory));
          }
          int delivery = current.deliveryCount() + 1;
          int before = current.accepted();
          for (int i = 0; i < accepted.size(); i++) {
            String serial = accepted.get(i);
            String inventoryNumber = "%s-%03d".formatted(order.reference(), before + i + 1);
            inventory.register(
                inventoryNumber,
                new Asset.Description(
                    serial,
                    request.category().label()
                        + (offer.reconditioned() ? " reconditionné" : " neuf"),
                    request.category(),
                    null,
                    null,
                    request.site(),
                    null,
                    request.service(),
                    receivedOn,
                    offer.unitPriceCents()),
                new Asset.Acquisition(
                    offer.reconditioned(),
                    offer.supplierName(),
                    offer.contractReference(),
                    warrantyEnd,
                    order.reference()),
                AssetStatus.IN_SERVICE,
                receivedBy.map(c -> c.actor(ACTOR_RECEPTION)).orElse(ACTOR_RECEPTION),
                order.documentId(),
                "purchase-reception:" + order.id() + ":" + serial);
            repository.insertUnit(
                order.id(), delivery, new ReceptionUnit(serial, true, null, inventoryNumber));
          }
          refused.forEach(unit -> repository.insertUnit(order.id(), delivery, unit));
          int total = before + accepted.size();
          boolean complete = total == order.quantity();
          repository.writeDelivery(
              order.id(),
              receivedOn,
              accepted.size(),
              refused.size(),
              blankToNull(input.notes()),
              person(receivedBy),
              operationId,
              complete ? PurchaseOrder.RECEIVED : PurchaseOrder.PARTIALLY_RECEIVED);
          repository.writeStatus(
              requestId, complete ? RequestStatus.RECEIVED : RequestStatus.PARTIALLY_RECEIVED);
          if (complete) {
            publishSpend(request, order, offer, receivedOn, total);
          }
          return new Reception(accepted.size(), refused.size(), order.quantity() - total);
        });
  }

  /** The order's spend, once, when it is settled: the units accepted over all its deliveries. */
  private void publishSpend(
      PurchaseRequest request, PurchaseOrder order, Offer offer, LocalDate on, int units) {
    if (units == 0) {
      return;
    }
    events.publishEvent(
        new PurchaseOrderReceived(
            order.reference(),
            on,
            offer.supplierName(),
            "%s : %d × %s %s (demande %s)"
                .formatted(
                    order.reference(),
                    units,
                    request.category().label().toLowerCase(Locale.FRENCH),
                    offer.reconditioned() ? "reconditionné(s)" : "neuf(s)",
                    request.reference()),
            offer.unitPriceCents() * units,
            offer.reconditioned()));
  }

  /**
   * The buyer's decision on the units still due after a delivery: the supplier is asked by e-mail
   * to replace them on the same order (new promised date; the reception starts again), or the order
   * is closed with the units received and its spend published. The same operation twice decides
   * once.
   */
  void recordReplacementDecision(
      long requestId,
      boolean replace,
      String comment,
      Optional<CompletedBy> decidedBy,
      String operationId) {
    PurchaseRequest request = request(requestId);
    PurchaseOrder order = repository.orderOf(requestId).orElseThrow();
    Offer offer = repository.offer(order.offerId()).orElseThrow();
    boolean mail =
        transactions.execute(
            tx -> {
              repository.lockRequest(requestId);
              PurchaseOrder current = repository.orderOf(requestId).orElseThrow();
              if (operationId.equals(current.lastReplacementOperation())
                  || !PurchaseOrder.PARTIALLY_RECEIVED.equals(current.status())) {
                return replace && operationId.equals(current.lastReplacementOperation());
              }
              if (replace) {
                repository.writeReplacementRequested(
                    order.id(), today().plusDays(offer.deliveryDays()), operationId);
                return true;
              }
              repository.writeClosed(
                  order.id(),
                  blankToNull(comment) == null ? "Close sans motif" : comment.strip(),
                  person(decidedBy),
                  operationId);
              repository.writeStatus(requestId, RequestStatus.CLOSED_SHORT);
              publishSpend(request, current, offer, current.receivedOn(), current.accepted());
              return false;
            });
    if (mail) {
      PurchaseOrder asked = repository.orderOf(requestId).orElseThrow();
      supplierEmail(offer)
          .ifPresent(
              email ->
                  notifications.send(
                      new OutgoingMessage(
                          "purchase-replacement:" + operationId,
                          email,
                          "Commande " + asked.reference() + " : unités à remplacer",
                          renderer.replacementBody(asked, units(asked.id()), comment),
                          List.of())));
    }
  }

  private static String tooMany(
      List<String> accepted, List<ReceptionUnit> refused, PurchaseOrder order) {
    return "Plus d'unités saisies ("
        + (accepted.size() + refused.size())
        + ") que d'unités attendues ("
        + order.missing()
        + (order.deliveryCount() == 0 ? ")." : " sur " + order.quantity() + " commandées).");
  }

  /** The units of a reception, checked. */
  record CheckedReception(List<String> accepted, List<ReceptionUnit> refused) {}

  /**
   * Checks a reception of the request's order as {@link #recordReception} will, writing nothing:
   * the file import completes the reception task only with what the worker will accept.
   */
  CheckedReception checkReception(long requestId, ReceptionInput input) {
    PurchaseOrder order =
        repository
            .orderOf(requestId)
            .filter(PurchaseOrder::awaitsDelivery)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "order", "Cette demande n'a pas de commande en attente de réception."));
    return check(order, input);
  }

  private CheckedReception check(PurchaseOrder order, ReceptionInput input) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate receivedOn = input.receivedOn();
    if (receivedOn == null) {
      errors.put("receivedOn", "Indiquez la date de réception.");
    } else if (receivedOn.isAfter(today())) {
      errors.put("receivedOn", "La date de réception est dans le futur.");
    } else if (receivedOn.isBefore(order.orderedOn())) {
      errors.put("receivedOn", "La date de réception précède la commande.");
    }
    List<String> accepted = lines(input.acceptedSerials());
    List<ReceptionUnit> refused = new ArrayList<>();
    List<String> refusedLines = lines(input.refusedUnits());
    for (int i = 0; i < refusedLines.size(); i++) {
      String[] parts = refusedLines.get(i).split(";", 2);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        errors.put(
            "refusedUnits",
            "Unités refusées, ligne "
                + (i + 1)
                + " : écrivez « numéro de série ; motif du refus ».");
        break;
      }
      refused.add(new ReceptionUnit(parts[0].strip(), false, parts[1].strip(), null));
    }
    Set<String> seen = new HashSet<>();
    for (String serial : accepted) {
      if (serial.length() > 128) {
        errors.put("acceptedSerials", "Le numéro de série « " + serial + " » est trop long.");
      }
      if (!seen.add(serial.toUpperCase(Locale.ROOT))) {
        errors.put("acceptedSerials", "Le numéro de série « " + serial + " » est saisi deux fois.");
      }
    }
    for (ReceptionUnit unit : refused) {
      if (!seen.add(unit.serialNumber().toUpperCase(Locale.ROOT))) {
        errors.put(
            "refusedUnits",
            "Le numéro de série « " + unit.serialNumber() + " » est saisi deux fois.");
      }
    }
    if (accepted.isEmpty() && refused.isEmpty()) {
      errors.put("acceptedSerials", "Saisissez au moins une unité reçue.");
    }
    if (accepted.size() + refused.size() > order.missing()) {
      errors.put("acceptedSerials", tooMany(accepted, refused, order));
    }
    if (errors.isEmpty()) {
      Map<String, String> inInventory = alreadyInInventory(accepted);
      if (!inInventory.isEmpty()) {
        errors.put("acceptedSerials", alreadyInInventoryText(inInventory));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new CheckedReception(accepted, refused);
  }

  /** Serial number to inventory number of the accepted units already in the inventory. */
  Map<String, String> alreadyInInventory(List<String> serials) {
    return inventory.inventoryNumbersBySerial(serials);
  }

  private static String alreadyInInventoryText(Map<String, String> inInventory) {
    List<String> units = new ArrayList<>();
    inInventory.forEach((serial, number) -> units.add("« " + serial + " » (" + number + ")"));
    return (units.size() == 1
            ? "Le numéro de série " + units.get(0) + " est déjà à l'inventaire"
            : "Les numéros de série " + String.join(", ", units) + " sont déjà à l'inventaire")
        + " : une unité n'entre qu'une fois.";
  }

  // ------------------------------------------------------------------ warranty returns

  /** A warranty return as typed on the request's page. */
  record WarrantyReturnInput(
      String inventoryNumber, LocalDate returnedOn, String remedy, String reason) {}

  List<WarrantyReturn> warrantyReturns(long orderId) {
    return repository.warrantyReturns(orderId);
  }

  /**
   * Records that a unit of the request's order went back to its supplier under warranty: the return
   * against the order and a hand-over entry in the unit's chain of custody, in one transaction. The
   * unit must be one the order delivered, still under warranty on the return date.
   */
  WarrantyReturn recordWarrantyReturn(long requestId, WarrantyReturnInput in, String user) {
    PurchaseOrder order =
        repository
            .orderOf(requestId)
            .filter(o -> o.accepted() > 0)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "order", "Cette demande n'a pas d'unité réceptionnée."));
    Offer offer = repository.offer(order.offerId()).orElseThrow();
    Map<String, String> errors = new LinkedHashMap<>();
    String number = in.inventoryNumber() == null ? "" : in.inventoryNumber().strip();
    Optional<ReceptionUnit> unit =
        repository.units(order.id()).stream()
            .filter(u -> u.accepted() && number.equals(u.inventoryNumber()))
            .findFirst();
    Asset asset = unit.flatMap(u -> inventory.findByInventoryNumber(number)).orElse(null);
    if (asset == null) {
      errors.put(
          "inventoryNumber",
          "Choisissez une unité livrée par la commande " + order.reference() + ".");
    }
    LocalDate on = in.returnedOn();
    if (on == null) {
      errors.put("returnedOn", "Indiquez la date du retour.");
    } else if (on.isAfter(today())) {
      errors.put("returnedOn", "La date du retour est dans le futur.");
    } else if (order.receivedOn() != null && on.isBefore(order.receivedOn())) {
      errors.put("returnedOn", "La date du retour précède la réception de la commande.");
    } else if (asset != null && asset.warrantyEnd() != null && on.isAfter(asset.warrantyEnd())) {
      errors.put(
          "returnedOn",
          "La garantie de "
              + number
              + " a pris fin le "
              + PurchaseOrderRenderer.DATE.format(asset.warrantyEnd())
              + " : un retour sous garantie n'est plus possible.");
    }
    WarrantyReturn.Remedy remedy =
        choice(WarrantyReturn.Remedy.class, in.remedy(), "remedy", "ce qui est demandé", errors);
    String reason = text(in.reason(), "reason", "le motif du retour", 1000, errors);
    if (errors.isEmpty() && repository.warrantyReturnExists(asset.id(), on)) {
      errors.put(
          "returnedOn",
          "Un retour de "
              + number
              + " est déjà enregistré le "
              + PurchaseOrderRenderer.DATE.format(on)
              + ".");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    long id =
        transactions.execute(
            tx -> {
              long inserted =
                  repository.insertWarrantyReturn(
                      order.id(),
                      asset.id(),
                      number,
                      asset.serialNumber(),
                      on,
                      remedy,
                      reason,
                      user,
                      clock.instant());
              inventory.appendCustody(
                  new AppendCustody(
                      number,
                      CustodyAction.HANDOVER,
                      user,
                      "Retour sous garantie au fournisseur « %s », commande %s, le %s : %s ;"
                              .formatted(
                                  offer.supplierName(),
                                  order.reference(),
                                  PurchaseOrderRenderer.DATE.format(on),
                                  reason)
                          + " demandé : "
                          + remedy.label(),
                      order.reference(),
                      "purchase-warranty-return:" + inserted));
              return inserted;
            });
    return repository.warrantyReturns(order.id()).stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .orElseThrow();
  }

  // ------------------------------------------------------------------ helpers

  /** "Name [login]" of who completed the task in the inbox, null when nobody is known. */
  static String person(Optional<CompletedBy> completedBy) {
    return completedBy.map(c -> c.displayName() + " [" + c.userId() + "]").orElse(null);
  }

  private PurchaseRequest request(long id) {
    return repository.findRequest(id).orElseThrow(() -> notFound(id));
  }

  private static IllegalStateException notFound(long id) {
    return new IllegalStateException("No purchase request " + id);
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String text(
      String value, String field, String what, int max, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      errors.put(field, "Indiquez " + what + ".");
      return null;
    }
    if (value.strip().length() > max) {
      errors.put(field, "Trop long : " + max + " caractères au plus.");
      return null;
    }
    return value.strip();
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String value, String field, String what, Map<String, String> errors) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, "Choisissez " + what + ".");
      return null;
    }
  }
}
