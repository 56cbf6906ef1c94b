package fr.secondevie.recycling;

import fr.secondevie.recycling.LotEvents.AssetDismantled;
import fr.secondevie.recycling.LotEvents.LotFull;
import fr.secondevie.recycling.LotEvents.LotOpened;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the process runtime what happened to a lot, after the transaction that made it happen
 * committed (each listener in its own transaction, off the caller's thread). A call that fails
 * leaves its event publication incomplete: it is submitted again at the next start and by {@code
 * fr.secondevie.common.EventRetries}. Each call may be repeated without effect (a lot's process is
 * started once under its row lock; the runtime keeps one message per message id).
 */
@Component
class LotProcessListener {

  private final DismantlingLotRepository lots;
  private final LotProcesses processes;
  private final Clock clock;

  LotProcessListener(DismantlingLotRepository lots, LotProcesses processes, Clock clock) {
    this.lots = lots;
    this.processes = processes;
    this.clock = clock;
  }

  /** Starts the lot's process unless it was (the lot's row lock makes it once per lot). */
  @ApplicationModuleListener
  void on(LotOpened opened) {
    lots.lock(opened.lotId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Expected lot " + opened.lotId() + " to start its process but found none"));
    DismantlingLot lot = lots.findById(opened.lotId()).orElseThrow();
    if (lot.processInstanceKey() == null) {
      lot.started(processes.startLot(lot.id(), lot.companyId()));
      lots.writeProgress(lot);
    }
  }

  /** Publishes {@code DismantlingLotFull}. */
  @ApplicationModuleListener
  void on(LotFull full) {
    processes.publishLotFull(full.lotId());
  }

  /**
   * Publishes {@code DismantlingCompleted} to the asset's process with variable {@code
   * dismantling}, then notes when on the asset's row of the lot (shown on the lot's page and in the
   * API; the registry, not this note, decides what is published again).
   */
  @ApplicationModuleListener
  void on(AssetDismantled dismantled) {
    DismantlingLot lot =
        lots.findById(dismantled.lotId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected lot "
                            + dismantled.lotId()
                            + " to tell its assets but found none"));
    processes.publishDismantlingCompleted(lot.id(), dismantled.assetId(), dismantling(lot));
    lots.updatePublished(
        lot.id(), dismantled.assetId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
  }

  /** Variable {@code dismantling} of message {@code DismantlingCompleted}. */
  static Map<String, Object> dismantling(DismantlingLot lot) {
    Map<String, Object> dismantling = new LinkedHashMap<>();
    dismantling.put("lotId", lot.id());
    dismantling.put("adaptedCompanyId", lot.companyId());
    dismantling.put("pickedUpOn", lot.pickedUpOn().toString());
    dismantling.put("wasteTrackingNumber", lot.wasteTrackingNumber());
    dismantling.put("recyclingCertificateRef", lot.recyclingCertificateRef());
    dismantling.put("eaAttestationRef", lot.eaAttestationRef());
    return dismantling;
  }
}
