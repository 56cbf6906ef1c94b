package fr.secondevie.inventory;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Assets, by id or inventory number. */
interface AssetRepository extends ListCrudRepository<Asset, Long> {

  Optional<Asset> findByInventoryNumber(String inventoryNumber);

  /** Locks the asset's row until the end of the transaction: one writer per asset at a time. */
  @Query("SELECT id FROM asset WHERE inventory_number = :inventoryNumber FOR UPDATE")
  Optional<Long> lockByInventoryNumber(String inventoryNumber);
}
