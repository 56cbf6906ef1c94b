package fr.secondevie.recycling;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AdaptedCompanyRepository extends ListCrudRepository<AdaptedCompany, Long> {

  @Query("SELECT * FROM adapted_company ORDER BY name, id")
  List<AdaptedCompany> findAllByName();

  Optional<AdaptedCompany> findBySiret(String siret);

  @Query("SELECT * FROM adapted_company WHERE default_company AND active ORDER BY id LIMIT 1")
  Optional<AdaptedCompany> findDefault();

  /** Locks the company's row: one writer at a time opens and fills its lots. */
  @Query("SELECT id FROM adapted_company WHERE id = :id FOR UPDATE")
  Optional<Long> lock(long id);
}
