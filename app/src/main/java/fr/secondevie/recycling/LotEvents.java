package fr.secondevie.recycling;

/**
 * What happens to a lot that its process must hear of, published in the transaction that makes it
 * happen (Spring Modulith's event publication registry keeps each one until its listener, {@link
 * LotProcessListener}, has told the process runtime).
 */
final class LotEvents {

  private LotEvents() {}

  /** A lot was opened: its process {@code dismantling-lot} is to be started. */
  record LotOpened(long lotId, long adaptedCompanyId) {}

  /**
   * A lot reached its size or was closed on request: {@code DismantlingLotFull} is to be published.
   * Published once per lot, by the transaction that moves it out of OPEN.
   */
  record LotFull(long lotId) {}

  /**
   * The lot an asset was in was dismantled (the lot completed): {@code DismantlingCompleted} is to
   * be published to the asset's process. Published once per asset, by the lot's completion.
   */
  record AssetDismantled(long lotId, long assetId) {}
}
