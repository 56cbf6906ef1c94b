package fr.secondevie.inventory;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** What kind of equipment an asset is. Labels are the French ones shown to users. */
@NamedInterface("api")
public enum AssetCategory {
  DESKTOP("Poste fixe"),
  LAPTOP("Ordinateur portable"),
  MONITOR("Écran"),
  SERVER("Serveur"),
  STORAGE_ARRAY("Baie de stockage"),
  NETWORK_SWITCH("Commutateur réseau"),
  SECURITY_APPLIANCE("Pare-feu / équipement de sécurité"),
  PRINTER("Imprimante"),
  PHONE("Téléphone");

  private final String label;

  AssetCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  private static final Set<AssetCategory> CARRY_STORAGE =
      EnumSet.of(DESKTOP, LAPTOP, SERVER, STORAGE_ARRAY, PRINTER, PHONE);

  /**
   * Whether assets of this category normally hold a storage medium (disk, SSD, eMMC: computers,
   * servers, arrays, multifunction printers, phones and tablets): one collected with no drive needs
   * an explicit {@link StorageAttestation} before it may pass {@code SANITIZED}.
   */
  public boolean carriesStorage() {
    return CARRY_STORAGE.contains(this);
  }
}
