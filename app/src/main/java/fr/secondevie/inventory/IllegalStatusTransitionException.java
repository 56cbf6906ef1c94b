package fr.secondevie.inventory;

import fr.secondevie.common.RefusedRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** A status change that {@link AssetStatus} does not allow. */
@NamedInterface("api")
public class IllegalStatusTransitionException extends RefusedRequestException {

  private final AssetStatus from;
  private final AssetStatus to;

  public IllegalStatusTransitionException(
      String inventoryNumber, AssetStatus from, AssetStatus to) {
    super(
        Reason.CONFLICT,
        "Transition de statut interdite",
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

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", from);
    details.put("to", to);
    details.put("allowed", from.allowedNext());
    return details;
  }
}
