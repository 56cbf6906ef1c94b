package fr.secondevie.sanitization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface CertificateRepository extends Repository<SanitizationCertificate, Long> {

  SanitizationCertificate save(SanitizationCertificate certificate);

  Optional<SanitizationCertificate> findById(long id);

  Optional<SanitizationCertificate> findByOperationId(String operationId);

  @Query("SELECT * FROM sanitization_certificate WHERE asset_id = :assetId ORDER BY id")
  List<SanitizationCertificate> findByAssetId(long assetId);
}
