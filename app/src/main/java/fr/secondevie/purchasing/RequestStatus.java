package fr.secondevie.purchasing;

/** Where a purchase request stands. */
enum RequestStatus {
  SUBMITTED("Demande reçue"),
  SERVED_FROM_STOCK("Servie depuis le stock"),
  SOURCING("Achat en cours"),
  REFUSED("Achat neuf refusé"),
  ORDERED("Commandée"),
  PARTIALLY_RECEIVED("Réception partielle"),
  RECEIVED("Réceptionnée"),
  CLOSED_SHORT("Commande close incomplète");

  private final String label;

  RequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
