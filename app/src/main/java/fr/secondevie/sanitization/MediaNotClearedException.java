package fr.secondevie.sanitization;

import fr.secondevie.inventory.AssetStatus;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An asset would move past {@code SANITIZED} while its storage is not proven cleared: a drive with
 * neither a passing certificate nor a destruction proof, a certificate or its document altered
 * since it was issued, or no drive at all without the collection's attestation. A job worker that
 * meets it fails its job (an incident): the process model never lets it happen, so it means the
 * data changed under the process.
 */
class MediaNotClearedException extends IllegalStateException {

  /**
   * One reason the storage is not cleared.
   *
   * @param serialNumber the drive it is about, or null when it is about the asset (no drive)
   * @param reason French, names the certificate or what is missing
   */
  public record Problem(String serialNumber, String reason) {

    public Problem {
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final List<Problem> problems;

  public MediaNotClearedException(
      String inventoryNumber, AssetStatus target, List<Problem> problems) {
    super(
        "L'équipement %s ne peut pas passer « %s » : %s."
            .formatted(
                inventoryNumber,
                target.label(),
                problems.stream().map(Problem::reason).collect(Collectors.joining(" ; "))));
    this.problems = List.copyOf(problems);
  }

  /** The drives at fault, in order (empty when the asset itself lacks its attestation). */
  public List<String> serialNumbers() {
    return problems.stream().map(Problem::serialNumber).filter(Objects::nonNull).toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
