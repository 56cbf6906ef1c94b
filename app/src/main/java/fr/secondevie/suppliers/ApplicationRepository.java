package fr.secondevie.suppliers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApplicationRepository extends ListCrudRepository<Application, Long> {

  Optional<Application> findByProcessInstanceKey(long processInstanceKey);

  /** Reads the application and locks its row until the transaction ends. */
  @Query("SELECT * FROM supplier_application WHERE id = :id FOR UPDATE")
  Optional<Application> lockById(long id);

  @Query(
      "SELECT * FROM supplier_application WHERE supplier_id = :supplierId ORDER BY registered_at DESC, id DESC")
  List<Application> findBySupplier(long supplierId);

  @Query(
      """
      SELECT * FROM supplier_application
      WHERE status IN ('SUBMITTED', 'EVALUATED', 'OPEN', 'REGISTERED')
      ORDER BY registered_at, id""")
  List<Application> findInProgress();
}
