package fr.secondevie.inventory;

import java.util.Objects;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * A storage medium inside an asset, identified by its serial number: the unit that is wiped and
 * certified.
 *
 * @param serialNumber the medium's own serial number
 * @param type HDD, SSD, NVMe, eMMC…
 * @param capacityBytes capacity in bytes, when known
 * @param interfaceName bus or interface (SATA, SAS, PCIe, USB…), when known
 * @param model manufacturer model, when known
 */
@NamedInterface("api")
@Table("asset_storage_device")
public record StorageDevice(
    String serialNumber,
    StorageType type,
    Long capacityBytes,
    @Column("interface") String interfaceName,
    String model) {

  public StorageDevice {
    if (serialNumber == null || serialNumber.isBlank()) {
      throw new IllegalArgumentException("A storage device needs its serial number");
    }
    serialNumber = serialNumber.strip();
    Objects.requireNonNull(type, "type");
    if (capacityBytes != null && capacityBytes < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
  }
}
