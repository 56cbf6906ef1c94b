package fr.secondevie.indicators;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface OutcomeFactRepository extends Repository<OutcomeFact, Long> {

  OutcomeFact save(OutcomeFact fact);

  Optional<OutcomeFact> findByOperationId(String operationId);

  @Query("SELECT * FROM outcome_fact WHERE asset_id = :assetId ORDER BY id")
  List<OutcomeFact> findByAssetId(long assetId);

  @Query(
      "SELECT f.* FROM outcome_fact f LEFT JOIN avoided_emission_entry e"
          + " ON e.outcome_fact_id = f.id WHERE f.outcome_year = :year AND f.reuse_oriented"
          + " AND e.id IS NULL ORDER BY f.id")
  List<OutcomeFact> findReuseOrientedWithoutLedgerEntry(int year);
}
