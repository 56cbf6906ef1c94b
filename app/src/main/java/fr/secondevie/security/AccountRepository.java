package fr.secondevie.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

  Optional<Account> findByUsername(String username);

  @Query("SELECT * FROM account ORDER BY username")
  List<Account> findAllOrdered();

  /** Accounts holding the role, enabled or not. */
  @Query(
      "SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id"
          + " WHERE r.role = :role AND (a.enabled OR NOT :enabledOnly)")
  long countWithRole(String role, boolean enabledOnly);
}
