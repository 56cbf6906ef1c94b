package fr.secondevie.inventory.glpi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Import runs. */
interface ImportRunRepository extends ListCrudRepository<ImportRun, Long> {

  Optional<ImportRun> findFirstByFileSha256AndStatusOrderByIdAsc(
      String fileSha256, ImportStatus status);

  List<ImportRun> findTop20ByOrderByIdDesc();

  /** Runs left unfinished by a stop of the application cannot resume: they failed. */
  @Modifying
  @Query(
      "UPDATE import_run SET status = 'FAILED', failure = 'Interrompu par un arrêt de"
          + " l''application', finished_at = :now WHERE status IN ('PENDING','RUNNING')")
  int failUnfinished(Instant now);
}
