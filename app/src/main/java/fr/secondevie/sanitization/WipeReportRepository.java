package fr.secondevie.sanitization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface WipeReportRepository extends Repository<WipeReport, Long> {

  WipeReport save(WipeReport report);

  Optional<WipeReport> findById(long id);

  Optional<WipeReport> findByOperationId(String operationId);

  @Query(
      "SELECT * FROM wipe_report WHERE asset_id = :assetId AND source = :source"
          + " AND content_sha256 = :sha256")
  Optional<WipeReport> findSame(long assetId, String source, String sha256);

  /**
   * Notes the published message on the report, once: 0 when it was noted already (a publication
   * submitted again) or the report is gone.
   */
  @Modifying
  @Query(
      "UPDATE wipe_report SET message_key = :messageKey, published_at = :at, version = version + 1"
          + " WHERE id = :id AND published_at IS NULL")
  int notePublished(long id, long messageKey, java.time.Instant at);

  @Query("SELECT * FROM wipe_report WHERE asset_id = :assetId ORDER BY received_at, id")
  List<WipeReport> findByAssetId(long assetId);
}
