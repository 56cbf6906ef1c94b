package fr.secondevie.donation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface BeneficiaryRepository extends ListCrudRepository<Beneficiary, Long> {

  @Query("SELECT * FROM donation_beneficiary ORDER BY name, id")
  List<Beneficiary> findAllByName();

  Optional<Beneficiary> findBySiret(String siret);

  Optional<Beneficiary> findByRna(String rna);
}
