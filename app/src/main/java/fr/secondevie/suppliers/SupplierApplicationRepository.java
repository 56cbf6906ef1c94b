package fr.secondevie.suppliers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SupplierApplicationRepository extends ListCrudRepository<SupplierApplication, Long> {

  Optional<SupplierApplication> findByProcessInstanceKey(long processInstanceKey);

  /** Reads the application and locks its row until the transaction ends. */
  @Query("SELECT * FROM supplier_application WHERE id = :id FOR UPDATE")
  Optional<SupplierApplication> lockById(long id);

  @Query(
      "SELECT * FROM supplier_application WHERE supplier_id = :supplierId ORDER BY registered_at DESC, id DESC")
  List<SupplierApplication> findBySupplier(long supplierId);

  @Query(
      """
      SELECT * FROM supplier_application
      WHERE status IN ('SUBMITTED', 'EVALUATED', 'OPEN', 'REGISTERED')
      ORDER BY registered_at, id""")
  List<SupplierApplication> findInProgress();
}
