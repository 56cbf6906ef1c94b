package fr.secondevie.inventory;

import org.springframework.modulith.NamedInterface;

/**
 * A rule another module adds to the inventory's status changes.
 *
 * <p>{@link InventoryService#changeStatus} asks every guard before it moves an asset, inside the
 * same transaction: a guard that throws refuses the change, and nothing is written. The
 * sanitization module uses it to hold the invariant that no asset reaches a status past {@code
 * SANITIZED} while one of its storage devices lacks a passing certificate or a destruction proof.
 */
@NamedInterface("api")
public interface StatusGuard {

  /**
   * @param asset the asset as it is before the change (its current status, storage devices)
   * @param target the status it would move to
   * @throws RuntimeException with a French message naming what is missing, to refuse the change
   */
  void check(Asset asset, AssetStatus target);
}
