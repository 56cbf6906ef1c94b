package fr.secondevie.inventory;

import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * What the technician attests when an asset of a category that carries storage ({@link
 * AssetCategory#carriesStorage}) is collected with no storage device: storage is never assumed
 * absent.
 *
 * @param kind removed and destroyed elsewhere, or verified absent
 * @param reference for {@link Kind#REMOVED_DESTROYED}: the reference of the destruction proof (PV,
 *     certificate of the provider…); else null
 * @param verifiedBy for {@link Kind#VERIFIED_ABSENT}: who opened the asset and found no medium;
 *     else null
 */
@NamedInterface("api")
public record StorageAttestation(Kind kind, String reference, String verifiedBy) {

  /** The two attestations the collection form offers. */
  public enum Kind {
    REMOVED_DESTROYED("Support retiré et détruit ailleurs"),
    VERIFIED_ABSENT("Absence de support vérifiée");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @throws IllegalArgumentException no kind, or the kind without what it needs (the destruction
   *     proof's reference, or who verified)
   */
  public StorageAttestation {
    Objects.requireNonNull(kind, "kind");
    reference = blankToNull(reference);
    verifiedBy = blankToNull(verifiedBy);
    if (kind == Kind.REMOVED_DESTROYED && reference == null) {
      throw new IllegalArgumentException(
          "Support retiré et détruit ailleurs : la référence de la preuve de destruction est"
              + " obligatoire");
    }
    if (kind == Kind.VERIFIED_ABSENT && verifiedBy == null) {
      throw new IllegalArgumentException(
          "Absence de support vérifiée : le nom de qui l'a vérifiée est obligatoire");
    }
    if (reference != null && reference.length() > 120) {
      throw new IllegalArgumentException(
          "La référence de la preuve de destruction dépasse 120 caractères");
    }
    if (verifiedBy != null && verifiedBy.length() > 128) {
      throw new IllegalArgumentException("Le nom de qui a vérifié dépasse 128 caractères");
    }
  }

  /** French sentence for the chain of custody and the plan. */
  public String describe() {
    return kind == Kind.REMOVED_DESTROYED
        ? "support retiré et détruit ailleurs (preuve de destruction " + reference + ")"
        : "absence de support vérifiée par " + verifiedBy;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
