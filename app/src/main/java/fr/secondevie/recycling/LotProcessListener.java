package fr.secondevie.recycling;

import fr.secondevie.recycling.LotEvents.LotFull;
import fr.secondevie.recycling.LotEvents.LotOpened;
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

  LotProcessListener(DismantlingLotRepository lots, LotProcesses processes) {
    this.lots = lots;
    this.processes = processes;
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
}
