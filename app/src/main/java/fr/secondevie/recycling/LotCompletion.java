package fr.secondevie.recycling;

import static fr.secondevie.recycling.LotCommands.lot;
import static fr.secondevie.recycling.LotCommands.now;

import fr.secondevie.recycling.LotEvents.AssetDismantled;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The completion command of an attested lot: mark it completed and publish {@link AssetDismantled}
 * for each of its assets in the same transaction (once per lot), which {@link LotProcessListener}
 * tells each asset's process after the commit.
 */
@Service
class LotCompletion {

  private final DismantlingLotRepository lots;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  LotCompletion(
      DismantlingLotRepository lots,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.lots = lots;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Marks the lot completed and, in the same transaction, publishes {@link AssetDismantled} for
   * each of its assets (once per lot: a second call finds it completed), whose listener publishes
   * {@code DismantlingCompleted} to the asset's process; returns the number of assets of the lot.
   */
  public int publishCompletion(long lotId) {
    return tx.execute(
        status -> {
          lots.lock(lotId);
          DismantlingLot lot = lot(lots, lotId);
          if (lot.recyclingCertificateRef() == null) {
            throw new IllegalStateException(
                "Expected the attestations of lot " + lot.number() + " before completing it");
          }
          if (lot.completedAt() == null) {
            lot.complete(now(clock));
            lots.writeProgress(lot);
            for (LotAsset a : lot.assets()) {
              events.publishEvent(new AssetDismantled(lotId, a.assetId()));
            }
          }
          return lot.assetCount();
        });
  }
}
