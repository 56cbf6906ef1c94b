package fr.secondevie.indicators;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Column {@code nature} of the spend ledger: what was bought. */
enum SpendNature {
  NEUF("Neuf", false),
  RECONDITIONNE("Reconditionné", true),
  REEMPLOI("Issu du réemploi", true);

  private final String label;
  private final boolean reused;

  SpendNature(String label, boolean reused) {
    this.label = label;
    this.reused = reused;
  }

  String label() {
    return label;
  }

  /** Counts in the numerator of the AGEC art. 58 share (reused or reconditioned goods). */
  boolean reused() {
    return reused;
  }

  /** Accepts the names with or without accents, in any case ("Reconditionné", "REEMPLOI"). */
  static Optional<SpendNature> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String plain =
        Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT);
    for (SpendNature n : values()) {
      if (n.name().equals(plain)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
