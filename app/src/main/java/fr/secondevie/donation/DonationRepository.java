package fr.secondevie.donation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DonationRepository extends ListCrudRepository<Donation, Long> {

  Optional<Donation> findByOperationId(String operationId);

  Optional<Donation> findByAgreementNumber(String agreementNumber);

  @Query("SELECT * FROM donation WHERE asset_id = :assetId ORDER BY id")
  List<Donation> findByAsset(long assetId);

  @Query("SELECT * FROM donation WHERE beneficiary_id = :beneficiaryId ORDER BY id DESC")
  List<Donation> findByBeneficiary(long beneficiaryId);

  @Query("SELECT * FROM donation WHERE request_id = :requestId ORDER BY id")
  List<Donation> findByRequest(long requestId);

  @Query("SELECT COUNT(*) FROM donation WHERE request_id = :requestId AND status = :status")
  int countByRequestAndStatus(long requestId, String status);
}
