package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.blankToNull;
import static fr.secondevie.purchasing.PurchaseCommands.request;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Channels;
import fr.secondevie.suppliers.Supplier;
import fr.secondevie.suppliers.SupplierDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offers command of P5: check the offers the buyer collected against the supplier registry (P4)
 * and the channel decided, rank them ({@link OfferRanking}) and replace the request's offers in one
 * transaction.
 */
@Service
class PurchaseOffers {

  private final PurchaseRequestRepository requests;
  private final PurchaseOfferRepository offers;
  private final SupplierDirectory suppliers;
  private final TransactionTemplate transactions;
  private final Clock clock;

  PurchaseOffers(
      PurchaseRequestRepository requests,
      PurchaseOfferRepository offers,
      SupplierDirectory suppliers,
      TransactionTemplate transactions,
      Clock clock) {
    this.requests = requests;
    this.offers = offers;
    this.suppliers = suppliers;
    this.transactions = transactions;
    this.clock = clock;
  }

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
    PurchaseRequest request = request(requests, requestId);
    Map<String, String> errors = new LinkedHashMap<>();
    List<OfferRanking.Candidate> candidates = new ArrayList<>();
    if (inputs == null || inputs.isEmpty()) {
      throw InvalidInputException.of("offers", "Saisissez au moins une offre.");
    }
    LocalDate today = today(clock);
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
    transactions.executeWithoutResult(tx -> offers.replaceOffers(requestId, ranked));
    return offers.offers(requestId);
  }
}
