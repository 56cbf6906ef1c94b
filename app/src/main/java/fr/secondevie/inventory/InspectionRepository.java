package fr.secondevie.inventory;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface InspectionRepository extends Repository<Inspection, Long> {

  Inspection save(Inspection inspection);

  Optional<Inspection> findByOperationId(String operationId);

  @Query(
      "SELECT * FROM asset_inspection WHERE asset_id = :assetId"
          + " ORDER BY recorded_at DESC, id DESC LIMIT 1")
  Optional<Inspection> findLatest(long assetId);
}
