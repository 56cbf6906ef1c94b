package fr.secondevie.donation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The values of the checklist "Éléments remis" (form {@code hand-over-equipment}). */
final class HandoverItems {

  private static final Map<String, String> LABELS =
      Map.of(
          "COMPUTER", "unité centrale ou ordinateur portable",
          "SCREEN", "écran",
          "KEYBOARD", "clavier",
          "MOUSE", "souris",
          "POWER_SUPPLY", "câble d'alimentation ou chargeur",
          "OTHER", "autre");

  private HandoverItems() {}

  static String labels(List<String> items) {
    return items.stream().map(i -> LABELS.getOrDefault(i, i)).collect(Collectors.joining(", "));
  }
}
