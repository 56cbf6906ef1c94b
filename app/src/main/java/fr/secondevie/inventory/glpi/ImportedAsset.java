package fr.secondevie.inventory.glpi;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * One valid data row of a GLPI export.
 *
 * @param line line of the file where the row starts
 * @param initialStatus status a new asset starts in (IN_STOCK for GLPI stock statuses)
 * @param attributes technical attributes: every other non-empty column, by header
 */
record ImportedAsset(
    int line,
    String inventoryNumber,
    Asset.Description description,
    AssetStatus initialStatus,
    String glpiStatus,
    Map<String, String> attributes) {

  ImportedAsset {
    if (!initialStatus.isEntry()) {
      throw new IllegalArgumentException(
          "An imported asset starts in an entry status, not " + initialStatus);
    }
  }

  /** SHA-256 over everything imported: equal fingerprints mean nothing changed in GLPI. */
  String fingerprint() {
    StringBuilder text = new StringBuilder("glpi-v1");
    Asset.Description d = description;
    for (Object value :
        new Object[] {
          inventoryNumber,
          d.serialNumber(),
          d.name(),
          d.category(),
          d.manufacturer(),
          d.model(),
          d.site(),
          d.location(),
          d.service(),
          d.acquisitionDate(),
          d.acquisitionCostCents(),
          glpiStatus
        }) {
      String s = Objects.toString(value, null);
      text.append('|').append(s == null ? -1 : s.length()).append(':').append(s == null ? "" : s);
    }
    attributes.forEach(
        (k, v) -> text.append('|').append(k.length()).append(':').append(k).append('=').append(v));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
