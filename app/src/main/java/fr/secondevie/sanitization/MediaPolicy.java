package fr.secondevie.sanitization;

import static fr.secondevie.sanitization.SanitizationLevel.CLEAR;
import static fr.secondevie.sanitization.SanitizationLevel.DESTROY;
import static fr.secondevie.sanitization.SanitizationLevel.PURGE;

import fr.secondevie.inventory.StorageType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sanitization rules by media type and interface (docs/sanitization.md, "Levels").
 *
 * <ul>
 *   <li>Required level: Purge for media that may hold health data (the default in a hospital),
 *       Clear otherwise (NIST SP 800-88: Purge before media leave the organisation's control, and
 *       every route after the wipe — donation, reconditioning, recycling — leaves it).
 *   <li>Media for which IEEE 2883-2022 offers no Purge technique the hospital can run and verify
 *       (SD cards, USB flash drives, tapes, unknown media) go to Destroy when Purge is required.
 *   <li>A reported technique achieves at most a given level on a given medium: a software overwrite
 *       is Clear on every medium (on flash it does not reach spare and remapped blocks); Purge
 *       needs the device's own sanitize commands or a cryptographic erase, or on a hard disk ATA
 *       SECURITY ERASE UNIT (on flash its implementation is not verifiable: Clear); removable
 *       flash, tapes and unknown media reach Clear at most.
 * </ul>
 */
final class MediaPolicy {

  private static final Set<StorageType> FLASH =
      EnumSet.of(StorageType.SSD, StorageType.NVME, StorageType.EMMC);
  private static final Set<StorageType> PURGEABLE =
      EnumSet.of(StorageType.HDD, StorageType.SSD, StorageType.NVME, StorageType.EMMC);

  private MediaPolicy() {}

  /** The level a medium requires. */
  public static SanitizationLevel requiredLevel(StorageType type, boolean healthData) {
    if (!healthData) {
      return CLEAR;
    }
    return PURGEABLE.contains(type) ? PURGE : DESTROY;
  }

  /**
   * The highest level a technique achieves on a medium; {@code DESTROY} is reached only by a
   * destruction.
   */
  public static SanitizationLevel maxLevel(SanitizationMethod method, StorageType type) {
    if (type == StorageType.HDD) {
      // NIST SP 800-88 Rev.1 table A-8 (ATA hard disk drives) lists ATA SECURITY ERASE UNIT among
      // the Purge techniques: on a hard disk it rewrites every sector up to the native maximum,
      // hidden areas included. A host software overwrite (nwipe) stays Clear: it reaches only the
      // sectors the host can address, not a hidden area nor the remapped sectors.
      return method == SanitizationMethod.SANITIZE_COMMAND
              || method == SanitizationMethod.CRYPTO_ERASE
              || method == SanitizationMethod.SECURE_ERASE
          ? PURGE
          : CLEAR;
    }
    if (FLASH.contains(type)) {
      return method == SanitizationMethod.BLOCK_ERASE
              || method == SanitizationMethod.CRYPTO_ERASE
              || method == SanitizationMethod.SANITIZE_COMMAND
          ? PURGE
          : CLEAR;
    }
    return CLEAR;
  }

  /** The level a reported wipe actually reached: the declared type, capped by the technique. */
  public static SanitizationLevel effectiveLevel(
      SanitizationLevel declared, SanitizationMethod method, StorageType type) {
    if (declared == DESTROY) {
      return DESTROY;
    }
    return SanitizationLevel.min(declared, maxLevel(method, type));
  }

  /** What the technician should run to reach the level on this medium (French). */
  public static String recommendedMethod(
      StorageType type, SanitizationLevel level, String interfaceName) {
    String bus = interfaceName == null ? "" : interfaceName.toUpperCase(Locale.ROOT);
    if (level == DESTROY) {
      return switch (type) {
        case HDD -> "Destruction physique, DIN 66399 H-4 au moins (données de santé : H-5)";
        case TAPE -> "Destruction physique, DIN 66399 T-4 au moins";
        case OTHER -> "Destruction physique au niveau DIN 66399 4 au moins de la classe du support";
        default -> "Destruction physique, DIN 66399 E-4 au moins (broyage fin de la puce)";
      };
    }
    if (level == PURGE) {
      return switch (type) {
        case HDD ->
            (bus.contains("SAS") || bus.contains("SCSI")
                    ? "SCSI SANITIZE OVERWRITE"
                    : "ATA SANITIZE OVERWRITE EXT")
                + " (ou effacement cryptographique d'un disque chiffrant), vérification complète";
        case SSD ->
            (bus.contains("SAS") || bus.contains("SCSI")
                    ? "SCSI SANITIZE BLOCK ERASE ou CRYPTOGRAPHIC ERASE"
                    : "ATA SANITIZE BLOCK ERASE EXT ou CRYPTO SCRAMBLE EXT")
                + ", vérification";
        case NVME ->
            "NVMe Sanitize (Block Erase ou Crypto Erase), ou Format NVM SES=2, vérification";
        case EMMC ->
            "eMMC SANITIZE (JEDEC JESD84) après ERASE, vérification ; à défaut destruction";
        default -> "Aucune technique Purge : destruction physique";
      };
    }
    return switch (type) {
      case NVME -> "Écrasement de toutes les zones adressables ou Format NVM SES=1, vérification";
      case EMMC -> "ERASE/TRIM de toute la zone utilisateur, vérification";
      case TAPE -> "Écrasement complet de la bande, vérification";
      default -> "Écrasement d'une passe de toutes les zones adressables, vérification complète";
    };
  }

  /**
   * The DIN 66399 / ISO 21964 material classes that fit the medium: H (hard disks), E (electronic:
   * SSD, flash), T (magnetic tapes); anything for unknown media.
   */
  public static Set<Character> dinMaterials(StorageType type) {
    return switch (type) {
      case HDD -> Set.of('H');
      case TAPE -> Set.of('T');
      case OTHER -> Set.of('H', 'E', 'T', 'O');
      default -> Set.of('E');
    };
  }

  /**
   * Lowest DIN 66399 security level for the data: protection class 3 (health data, special category
   * of personal data) admits levels 4 to 7; class 2 (other personal data) levels 3 to 5.
   */
  public static int minimumDinLevel(boolean healthData) {
    return healthData ? 4 : 3;
  }
}
