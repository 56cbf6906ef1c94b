/**
 * Inventory: the hospital's IT assets, their lifecycle status and their chain of custody.
 *
 * <p>An {@link fr.secondevie.inventory.Asset} is one piece of equipment identified by its inventory
 * number. Its {@link fr.secondevie.inventory.AssetStatus} only moves along the allowed transitions
 * of the end-of-life processes, and every change is appended to a tamper-evident chain of custody
 * ({@link fr.secondevie.inventory.CustodyEntry}). Other modules (job workers) use {@link
 * fr.secondevie.inventory.InventoryService}; every command there carries a caller-supplied
 * operation id so that a job delivered twice changes nothing twice.
 *
 * <p>Assets enter the inventory from a GLPI CSV export (subpackage {@code glpi}); the pages and
 * REST endpoints live in subpackage {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package fr.secondevie.inventory;
