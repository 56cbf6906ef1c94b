package fr.secondevie.inventory;

import org.springframework.modulith.NamedInterface;

/** Kind of storage medium; it drives the sanitization method (NIST SP 800-88, IEEE 2883). */
@NamedInterface("api")
public enum StorageType {
  HDD("Disque dur"),
  SSD("SSD SATA/SAS"),
  NVME("SSD NVMe"),
  EMMC("eMMC"),
  SD_CARD("Carte SD"),
  USB_FLASH("Clé USB / mémoire flash"),
  TAPE("Bande"),
  OTHER("Autre");

  private final String label;

  StorageType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
