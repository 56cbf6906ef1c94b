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

  /** This replica still runs these imports. */
  @Modifying
  @Query(
      "UPDATE import_run SET heartbeat_at = :now WHERE owner_replica = :replica"
          + " AND status IN ('PENDING','RUNNING')")
  int beat(String replica, Instant now);

  /**
   * Runs this replica left unfinished when it stopped (it has just started: they cannot be running)
   * and runs of any replica that stopped beating before {@code staleBefore}, or of a version that
   * did not beat at all: they cannot resume, they failed (all or nothing: nothing was written).
   */
  @Modifying
  @Query(
      "UPDATE import_run SET status = 'FAILED', failure = 'Interrompu par l''arrêt de l''instance"
          + " qui l''importait (rien n''a été enregistré) : renvoyez le fichier.', finished_at = :now"
          + " WHERE status IN ('PENDING','RUNNING') AND (owner_replica IS NULL"
          + " OR (owner_replica = :replica AND :own) OR (owner_replica <> :replica"
          + " AND (heartbeat_at IS NULL OR heartbeat_at < :staleBefore)))")
  int failAbandoned(String replica, boolean own, Instant staleBefore, Instant now);
}
