package fr.secondevie.inventory;

/** What kind of equipment an asset is. Labels are the French ones shown to users. */
public enum AssetCategory {
  DESKTOP("Poste fixe"),
  LAPTOP("Ordinateur portable"),
  MONITOR("Écran"),
  SERVER("Serveur"),
  STORAGE_ARRAY("Baie de stockage"),
  NETWORK_SWITCH("Commutateur réseau"),
  SECURITY_APPLIANCE("Pare-feu / équipement de sécurité"),
  PRINTER("Imprimante"),
  PHONE("Téléphone");

  private final String label;

  AssetCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
