package fr.secondevie.recycling;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DismantlingLotRepository extends ListCrudRepository<DismantlingLot, Long> {

  @Query(
      "SELECT * FROM dismantling_lot WHERE company_id = :companyId AND status = 'OPEN'"
          + " ORDER BY id LIMIT 1")
  Optional<DismantlingLot> findOpen(long companyId);

  @Query(
      "SELECT l.* FROM dismantling_lot l JOIN dismantling_lot_asset a ON a.lot_id = l.id"
          + " WHERE a.asset_id = :assetId")
  Optional<DismantlingLot> findByAsset(long assetId);

  @Query("SELECT * FROM dismantling_lot ORDER BY opened_at DESC, id DESC")
  List<DismantlingLot> findAllNewestFirst();

  @Query(
      "SELECT * FROM dismantling_lot WHERE company_id = :companyId ORDER BY opened_at DESC, id DESC")
  List<DismantlingLot> findByCompany(long companyId);

  /** Locks the lot's row until the end of the transaction. */
  @Query("SELECT id FROM dismantling_lot WHERE id = :id FOR UPDATE")
  Optional<Long> lock(long id);
}
