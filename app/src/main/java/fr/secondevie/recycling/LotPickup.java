package fr.secondevie.recycling;

import static fr.secondevie.recycling.LotCommands.DATE;
import static fr.secondevie.recycling.LotCommands.PARIS;
import static fr.secondevie.recycling.LotCommands.lot;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pickup command of a lot whose order was sent: check what was typed, record weight and waste
 * tracking number on the lot and the transfer of custody to the company in the chain of every
 * asset, in one transaction. Idempotent: a lot already picked up is returned unchanged.
 */
@Service
class LotPickup {

  static final String ACTOR = "worker:dismantling.record-pickup";

  private final AdaptedCompanyRepository companies;
  private final DismantlingLotRepository lots;
  private final InventoryService inventory;
  private final TransactionTemplate tx;
  private final Clock clock;

  LotPickup(
      AdaptedCompanyRepository companies,
      DismantlingLotRepository lots,
      InventoryService inventory,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.companies = companies;
    this.lots = lots;
    this.inventory = inventory;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The pickup as typed in the form, before checks. */
  record PickupInput(
      LocalDate pickedUpOn,
      Integer unitCount,
      java.math.BigDecimal weightKg,
      String wasteTrackingNumber,
      String carrier,
      String notes) {}

  /**
   * Records the pickup: weight and waste tracking number on the lot, and the transfer of custody to
   * the company in the chain of every asset.
   *
   * @throws InvalidInputException a value is wrong (nothing is written)
   */
  public DismantlingLot recordPickup(long lotId, PickupInput input, String operationId) {
    return recordPickup(lotId, input, Optional.empty(), operationId);
  }

  /** {@link #recordPickup(long, PickupInput, String)} confirmed by a known person. */
  public DismantlingLot recordPickup(
      long lotId, PickupInput input, Optional<CompletedBy> confirmedBy, String operationId) {
    String actor = confirmedBy.map(p -> p.actor(ACTOR)).orElse(ACTOR);
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lots, lotId);
          if (lot.pickedUpOn() != null) {
            return lot;
          }
          if (lot.status() != LotStatus.ORDER_SENT) {
            throw new IllegalStateException(
                "Expected the order of lot "
                    + lot.number()
                    + " sent before its pickup but it is "
                    + lot.status());
          }
          PickupRecord pickup =
              PickupRecord.validate(
                  input.pickedUpOn(),
                  input.unitCount(),
                  input.weightKg(),
                  input.wasteTrackingNumber(),
                  input.carrier(),
                  input.notes(),
                  lot.closedAt().atZone(PARIS).toLocalDate(),
                  LocalDate.now(clock.withZone(PARIS)));
          lot.pickedUp(pickup);
          AdaptedCompany company = companies.findById(lot.companyId()).orElseThrow();
          String gap =
              pickup.unitCount() == lot.assetCount()
                  ? ""
                  : " ; écart : %d unité(s) enlevée(s) pour %d au lot"
                      .formatted(pickup.unitCount(), lot.assetCount());
          for (LotAsset a : lot.assets()) {
            inventory.appendCustody(
                new AppendCustody(
                    a.inventoryNumber(),
                    CustodyAction.HANDOVER,
                    actor,
                    ("Enlevé le %s par « %s » (%s), transporteur %s, lot %s : %s kg pour %d"
                            + " unité(s), bordereau %s%s%s")
                        .formatted(
                            DATE.format(pickup.pickedUpOn()),
                            company.name(),
                            company.type().name(),
                            pickup.carrier(),
                            lot.number(),
                            pickup.weightKg().toPlainString().replace('.', ','),
                            pickup.unitCount(),
                            pickup.wasteTrackingNumber().value(),
                            gap,
                            confirmedBy
                                .map(p -> " ; enlèvement confirmé par " + p.displayName())
                                .orElse("")),
                    "bordereau " + pickup.wasteTrackingNumber().value(),
                    operationId));
          }
          lots.writePickup(lot);
          return lot;
        });
  }
}
