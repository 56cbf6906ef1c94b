package fr.secondevie.recycling;

import static fr.secondevie.recycling.LotCommands.lot;
import static fr.secondevie.recycling.LotCommands.now;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.recycling.LotEvents.LotFull;
import fr.secondevie.recycling.LotEvents.LotOpened;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The placement commands of a lot: add an asset to the open lot (opening one when none is open,
 * full at its size), close it on an asset manager's request, close it for its order (size reached
 * or 30 days). Each command is idempotent and transactional; what the lot's process must hear of (a
 * lot opened, a lot full) is published as a {@link LotEvents} event in the same transaction.
 */
@Service
class LotPlacement {

  static final String ACTOR = "worker:dismantling.add-to-lot";

  private final AdaptedCompanyRepository companies;
  private final DismantlingLotRepository lots;
  private final InventoryService inventory;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final TransactionTemplate placementTx;
  private final Clock clock;

  LotPlacement(
      AdaptedCompanyRepository companies,
      DismantlingLotRepository lots,
      InventoryService inventory,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.companies = companies;
    this.lots = lots;
    this.inventory = inventory;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    // Under REPEATABLE READ (MariaDB's default) the reads after the company's lock would see the
    // snapshot of the first read, before the lock: two assets added at once opened two lots.
    this.placementTx = new TransactionTemplate(transactions);
    this.placementTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  /** The lot an asset was put in (process variable {@code dismantlingLotId}). */
  record Placement(long lotId, long adaptedCompanyId) {}

  /**
   * Puts the asset in the open lot of the default adapted company, opening a lot when none is open
   * ({@link LotOpened}: its process is started); {@link LotFull} when the lot reaches its size. An
   * asset already in a lot stays there (a re-delivered job changes nothing).
   *
   * @throws IllegalStateException no default adapted company, or the asset is not pending recycling
   */
  public Placement addToLot(long assetId, String operationId) {
    return placementTx.execute(status -> place(assetId, operationId));
  }

  private Placement place(long assetId, String operationId) {
    Optional<DismantlingLot> existing = lots.findByAsset(assetId);
    if (existing.isPresent()) {
      return new Placement(existing.get().id(), existing.get().companyId());
    }
    AdaptedCompany company =
        companies
            .findDefault()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Aucune entreprise adaptée active n'est désignée par défaut :"
                            + " enregistrez-en une dans le registre des entreprises adaptées."));
    companies.lock(company.id());
    // a concurrent delivery of the same job may have placed the asset while we waited
    existing = lots.findByAsset(assetId);
    if (existing.isPresent()) {
      return new Placement(existing.get().id(), existing.get().companyId());
    }
    Asset asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("Expected asset " + assetId + " but found none"));
    if (asset.status() != AssetStatus.RECYCLING_PENDING) {
      throw new IllegalStateException(
          "L'équipement %s est au statut « %s » : il n'entre dans un lot qu'au statut « %s »."
              .formatted(
                  asset.inventoryNumber(),
                  asset.status().label(),
                  AssetStatus.RECYCLING_PENDING.label()));
    }
    Instant now = now(clock);
    DismantlingLot lot =
        lots.findOpen(company.id())
            // its process start may be saving it: lock, then read what it saved
            .map(open -> lots.lock(open.id()).flatMap(lots::findById).orElseThrow())
            .orElseGet(
                () -> {
                  DismantlingLot opened = lots.save(DismantlingLot.open(company, now));
                  opened.assignNumber();
                  events.publishEvent(new LotOpened(opened.id(), company.id()));
                  return opened;
                });
    LotAsset added =
        new LotAsset(
            assetId,
            asset.inventoryNumber(),
            asset.category(),
            asset.serialNumber(),
            describe(asset),
            now,
            operationId,
            null);
    lot.add(added);
    lots.writeAdded(lot, added);
    if (lot.status() == LotStatus.FULL) {
      events.publishEvent(new LotFull(lot.id()));
    }
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.NOTE,
            ACTOR,
            "Ajouté au lot de démantèlement %s confié à « %s » (%s), %d/%d équipement(s)"
                .formatted(
                    lot.number(),
                    company.name(),
                    company.type().name(),
                    lot.assetCount(),
                    lot.targetSize()),
            null,
            operationId));
    return new Placement(lot.id(), company.id());
  }

  private static String describe(Asset asset) {
    String text =
        ((asset.manufacturer() == null ? "" : asset.manufacturer())
                + " "
                + (asset.model() == null ? "" : asset.model()))
            .strip();
    return text.length() > 400 ? text.substring(0, 400) : text;
  }

  /**
   * Closes an open lot now, before its size or its 30 days (an asset manager's decision, e.g. to
   * send a small lot): no asset enters it any more and its process is told the lot is complete
   * ({@code DismantlingLotFull}, once per lot).
   *
   * @return false when the lot was not open or was empty (nothing changed)
   */
  public boolean closeNow(long lotId, String requestedBy) {
    Boolean requested =
        tx.execute(
            status -> {
              lots.lock(lotId);
              DismantlingLot lot = lot(lots, lotId);
              if (!lot.requestClose(requestedBy)) {
                return false;
              }
              lots.writeProgress(lot);
              events.publishEvent(new LotFull(lotId));
              return true;
            });
    return Boolean.TRUE.equals(requested);
  }

  /** Closes the lot (no asset enters it any more) and returns its asset count. */
  public int close(long lotId) {
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lots, lotId);
          LotStatus before = lot.status();
          lot.close(now(clock));
          if (lot.status() != before) {
            lots.writeProgress(lot);
          }
          return lot.assetCount();
        });
  }
}
