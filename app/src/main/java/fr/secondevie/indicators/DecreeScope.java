package fr.secondevie.indicators;

import fr.secondevie.inventory.AssetCategory;

/**
 * Which of our asset categories fall within décret 2023-266 (equipment of R.543-172 II, 2° screens
 * over 100 cm² and 6° small IT and telecommunication equipment), and why the others do not. The
 * mapping is explicit so that the auditor can read it on the page and in the report.
 */
enum DecreeScope {
  DESKTOP(AssetCategory.DESKTOP, true, "R.543-172 II 6° (petit équipement informatique)"),
  LAPTOP(AssetCategory.LAPTOP, true, "R.543-172 II 6° (petit équipement informatique)"),
  MONITOR(AssetCategory.MONITOR, true, "R.543-172 II 2° (écran de plus de 100 cm²)"),
  PHONE(AssetCategory.PHONE, true, "R.543-172 II 6° (petit équipement de télécommunication)"),
  PRINTER(AssetCategory.PRINTER, true, "R.543-172 II 6° (petit équipement informatique)"),
  NETWORK_SWITCH(
      AssetCategory.NETWORK_SWITCH,
      true,
      "R.543-172 II 6° (petit équipement de télécommunication)"),
  SERVER(
      AssetCategory.SERVER,
      false,
      "hors champ : gros équipement (R.543-172 II 4°), non visé par le décret 2023-266"),
  STORAGE_ARRAY(
      AssetCategory.STORAGE_ARRAY,
      false,
      "hors champ : gros équipement (R.543-172 II 4°), non visé par le décret 2023-266"),
  SECURITY_APPLIANCE(
      AssetCategory.SECURITY_APPLIANCE,
      false,
      "exclu : équipement soumis à des obligations de sécurité spécifiques (décret 2023-266)");

  private final AssetCategory category;
  private final boolean inScope;
  private final String reason;

  DecreeScope(AssetCategory category, boolean inScope, String reason) {
    this.category = category;
    this.inScope = inScope;
    this.reason = reason;
  }

  static DecreeScope of(AssetCategory category) {
    for (DecreeScope s : values()) {
      if (s.category == category) {
        return s;
      }
    }
    throw new IllegalStateException("No decree scope for category " + category);
  }

  AssetCategory category() {
    return category;
  }

  boolean inScope() {
    return inScope;
  }

  /** The R.543-172 line when in scope, the reason of exclusion otherwise (French). */
  String reason() {
    return reason;
  }
}
