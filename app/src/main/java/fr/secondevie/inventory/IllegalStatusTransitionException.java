package fr.secondevie.inventory;

import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** A status change that {@link AssetStatus} does not allow. */
@NamedInterface("api")
public class IllegalStatusTransitionException extends RuntimeException {

  private final AssetStatus from;
  private final AssetStatus to;

  public IllegalStatusTransitionException(
      String inventoryNumber, AssetStatus from, AssetStatus to) {
    super(
        "Transition interdite pour l'équipement %s : « %s » (%s) → « %s » (%s). Depuis « %s », %s."
            .formatted(
                inventoryNumber,
                from.label(),
                from,
                to.label(),
                to,
                from.label(),
                from.allowedNext().isEmpty()
                    ? "aucune transition n'est possible (statut final)"
                    : "transitions autorisées : "
                        + from.allowedNext().stream()
                            .map(s -> s.label() + " (" + s + ")")
                            .collect(Collectors.joining(", "))));
    this.from = from;
    this.to = to;
  }

  public AssetStatus from() {
    return from;
  }

  public AssetStatus to() {
    return to;
  }
}
