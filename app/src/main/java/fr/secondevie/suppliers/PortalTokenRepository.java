package fr.secondevie.suppliers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface PortalTokenRepository extends ListCrudRepository<PortalToken, Long> {

  Optional<PortalToken> findByTokenHash(String tokenHash);

  Optional<PortalToken> findByOperationId(String operationId);

  List<PortalToken> findByApplicationId(long applicationId);
}
