package fr.secondevie.recycling;

import java.util.Map;

/**
 * What the recycling module asks of the process runtime: start a lot's process, say the lot is
 * full, tell each asset's process that its lot was dismantled. Implemented with the Camunda client
 * ({@link CamundaLotProcesses}); every call may be repeated without effect (message ids).
 */
interface LotProcesses {

  /** Starts {@code dismantling-lot} for a lot; returns the process instance key. */
  long startLot(long lotId, long adaptedCompanyId);

  /** Publishes {@code DismantlingLotFull} (key: lot id), buffered for the lot's 30 days. */
  void publishLotFull(long lotId);

  /** Publishes {@code DismantlingCompleted} (key: asset id, message id {@code lotId-assetId}). */
  void publishDismantlingCompleted(long lotId, long assetId, Map<String, Object> dismantling);
}
