package fr.secondevie.reconditioning;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ReconditionerRepository extends ListCrudRepository<Reconditioner, Long> {

  @Query("SELECT * FROM reconditioner ORDER BY channel, name, id")
  List<Reconditioner> findAllOrdered();

  /** Active reconditioners of a channel, the least busy first (open orders). */
  @Query(
      "SELECT r.* FROM reconditioner r WHERE r.active AND r.channel = :channel ORDER BY"
          + " (SELECT COUNT(*) FROM reconditioning_order o WHERE o.reconditioner_id = r.id"
          + " AND o.status = 'OPEN'), r.id")
  List<Reconditioner> findActiveLeastBusy(String channel);
}
