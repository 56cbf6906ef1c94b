package fr.secondevie.reconditioning;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ReconditioningOrderRepository extends ListCrudRepository<ReconditioningOrder, Long> {

  Optional<ReconditioningOrder> findByOperationId(String operationId);

  @Query(
      "SELECT * FROM reconditioning_order ORDER BY status = 'OPEN' DESC, created_at DESC, id DESC")
  List<ReconditioningOrder> findAllOpenFirst();

  @Query("SELECT * FROM reconditioning_order WHERE asset_id = :assetId ORDER BY id")
  List<ReconditioningOrder> findByAsset(long assetId);

  @Query("SELECT id FROM reconditioning_order WHERE id = :id FOR UPDATE")
  Optional<Long> lock(long id);
}
