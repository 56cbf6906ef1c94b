package fr.secondevie.sanitization;

import static fr.secondevie.sanitization.SanitizationLevel.CLEAR;
import static fr.secondevie.sanitization.SanitizationLevel.DESTROY;
import static fr.secondevie.sanitization.SanitizationLevel.PURGE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.StorageType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The levels per media type (NIST SP 800-88 Rev.2, IEEE 2883-2022) and what techniques reach. */
class MediaPolicyTests {

  @ParameterizedTest(name = "{0}, health data {1} → {2}")
  @CsvSource({
    "HDD, true, PURGE",
    "SSD, true, PURGE",
    "NVME, true, PURGE",
    "EMMC, true, PURGE",
    "SD_CARD, true, DESTROY",
    "USB_FLASH, true, DESTROY",
    "TAPE, true, DESTROY",
    "OTHER, true, DESTROY",
    "HDD, false, CLEAR",
    "SSD, false, CLEAR",
    "NVME, false, CLEAR",
    "USB_FLASH, false, CLEAR",
    "TAPE, false, CLEAR",
  })
  void shouldRequireALevelByMediaTypeAndHealthData(
      StorageType type, boolean healthData, SanitizationLevel expected) {
    assertThat(MediaPolicy.requiredLevel(type, healthData)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1} reaches {2}")
  @CsvSource({
    "OVERWRITE, HDD, CLEAR",
    "SANITIZE_COMMAND, HDD, PURGE",
    "CRYPTO_ERASE, HDD, PURGE",
    "BLOCK_ERASE, HDD, CLEAR",
    "SECURE_ERASE, HDD, PURGE",
    "SECURE_ERASE, SSD, CLEAR",
    "SECURE_ERASE, NVME, CLEAR",
    "SECURE_ERASE, USB_FLASH, CLEAR",
    "OVERWRITE, SSD, CLEAR",
    "OVERWRITE, NVME, CLEAR",
    "BLOCK_ERASE, SSD, PURGE",
    "CRYPTO_ERASE, NVME, PURGE",
    "SANITIZE_COMMAND, NVME, PURGE",
    "OTHER, NVME, CLEAR",
    "BLOCK_ERASE, EMMC, PURGE",
    "CRYPTO_ERASE, USB_FLASH, CLEAR",
    "SANITIZE_COMMAND, SD_CARD, CLEAR",
    "OVERWRITE, TAPE, CLEAR",
  })
  void shouldCapATechniqueByWhatItAchievesOnTheMedium(
      SanitizationMethod method, StorageType type, SanitizationLevel expected) {
    assertThat(MediaPolicy.maxLevel(method, type)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "declared {0} with {1} on {2} is {3}")
  @CsvSource({
    "PURGE, OVERWRITE, SSD, CLEAR",
    "PURGE, CRYPTO_ERASE, SSD, PURGE",
    "CLEAR, CRYPTO_ERASE, SSD, CLEAR",
    "DESTROY, OTHER, USB_FLASH, DESTROY",
  })
  void shouldTakeTheLowerOfTheDeclaredTypeAndTheTechnique(
      SanitizationLevel declared,
      SanitizationMethod method,
      StorageType type,
      SanitizationLevel expected) {
    assertThat(MediaPolicy.effectiveLevel(declared, method, type)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} at {1} over {2}: {3}")
  @CsvSource({
    "HDD, PURGE, SAS, SCSI SANITIZE OVERWRITE",
    "HDD, PURGE, SATA, ATA SANITIZE OVERWRITE EXT",
    "SSD, PURGE, SATA, ATA SANITIZE BLOCK ERASE EXT",
    "NVME, PURGE, PCIe, NVMe Sanitize",
    "USB_FLASH, DESTROY, USB, E-4",
    "HDD, DESTROY, SATA, H-4",
  })
  void shouldRecommendTheTechniqueOfTheInterface(
      StorageType type, SanitizationLevel level, String bus, String expected) {
    assertThat(MediaPolicy.recommendedMethod(type, level, bus)).contains(expected);
  }

  @ParameterizedTest(name = "{0}: DIN classes {1}")
  @CsvSource({"HDD, H", "SSD, E", "NVME, E", "USB_FLASH, E", "TAPE, T"})
  void shouldMatchDinMaterialClassesToTheMedium(StorageType type, char material) {
    assertThat(MediaPolicy.dinMaterials(type)).containsExactly(material);
  }

  @ParameterizedTest
  @CsvSource({"true, 4", "false, 3"})
  void shouldAskProtectionClassThreeLevelsForHealthData(boolean healthData, int minimum) {
    assertThat(MediaPolicy.minimumDinLevel(healthData)).isEqualTo(minimum);
  }

  @ParameterizedTest
  @CsvSource({
    "CLEAR, CLEAR, true",
    "PURGE, CLEAR, true",
    "CLEAR, PURGE, false",
    "DESTROY, PURGE, true"
  })
  void shouldOrderLevels(SanitizationLevel reached, SanitizationLevel required, boolean ok) {
    assertThat(reached.satisfies(required)).isEqualTo(ok);
    assertThat(DESTROY.satisfies(CLEAR)).isTrue();
    assertThat(CLEAR.satisfies(PURGE)).isFalse();
  }
}
