package fr.secondevie.donation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DonationRequestRepository extends ListCrudRepository<DonationRequest, Long> {

  @Query("SELECT * FROM donation_request WHERE status = 'OPEN' ORDER BY opened_at, id")
  List<DonationRequest> findOpenOldestFirst();

  @Query("SELECT * FROM donation_request ORDER BY status = 'OPEN' DESC, opened_at DESC, id DESC")
  List<DonationRequest> findAllOpenFirst();

  @Query(
      "SELECT * FROM donation_request WHERE beneficiary_id = :beneficiaryId ORDER BY opened_at DESC, id DESC")
  List<DonationRequest> findByBeneficiary(long beneficiaryId);

  /** Locks the request's row until the end of the transaction (allocation of its last places). */
  @Query("SELECT id FROM donation_request WHERE id = :id FOR UPDATE")
  Optional<Long> lock(long id);
}
