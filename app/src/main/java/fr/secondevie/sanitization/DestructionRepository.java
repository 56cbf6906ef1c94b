package fr.secondevie.sanitization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface DestructionRepository extends Repository<MediaDestruction, Long> {

  MediaDestruction save(MediaDestruction destruction);

  Optional<MediaDestruction> findByOperationId(String operationId);

  @Query("SELECT * FROM media_destruction WHERE asset_id = :assetId ORDER BY id")
  List<MediaDestruction> findByAssetId(long assetId);
}
