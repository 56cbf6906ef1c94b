package fr.secondevie.sanitization;

import fr.secondevie.inventory.AssetStatus;
import java.util.List;

/**
 * An asset would move past {@code SANITIZED} with storage that has neither a passing certificate
 * nor a destruction proof. A job worker that meets it fails its job (an incident): the process
 * model never lets it happen, so it means the data changed under the process.
 */
public class MediaNotClearedException extends IllegalStateException {

  private final List<String> serialNumbers;

  public MediaNotClearedException(
      String inventoryNumber, AssetStatus target, List<String> serialNumbers) {
    super(
        "L'équipement %s ne peut pas passer « %s » : support(s) %s sans certificat d'effacement ni preuve de destruction."
            .formatted(inventoryNumber, target.label(), String.join(", ", serialNumbers)));
    this.serialNumbers = List.copyOf(serialNumbers);
  }

  public List<String> serialNumbers() {
    return serialNumbers;
  }
}
