package fr.secondevie.suppliers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SupplierRepository extends ListCrudRepository<Supplier, Long> {

  Optional<Supplier> findBySiret(String siret);

  @Query("SELECT * FROM supplier ORDER BY name")
  List<Supplier> findAllByName();
}
