package fr.secondevie.inventory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The append-only chain of custody: entries can be added and read, never changed. */
interface CustodyRepository extends Repository<CustodyEntry, Long> {

  CustodyEntry save(CustodyEntry entry);

  List<CustodyEntry> findByAssetIdOrderBySeq(long assetId);

  Optional<CustodyEntry> findByAssetIdAndOperationId(long assetId, String operationId);
}
