package fr.secondevie.inventory.glpi;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a GLPI list export that Seconde Vie reads, with the French header GLPI writes (the
 * search option's name) and accepted variants. Any other column is kept as a technical attribute of
 * the asset.
 *
 * <p>GLPI writes fields of linked objects as "Object - Field" (e.g. "Informations financières et
 * administratives - Date d'achat"); for the financial columns that prefix is accepted.
 */
enum GlpiColumn {
  INVENTORY_NUMBER(
      "Numéro d'inventaire",
      true,
      false,
      "Numero d'inventaire",
      "N° d'inventaire",
      "No d'inventaire",
      "Inventory number",
      "otherserial"),
  SERIAL_NUMBER(
      "Numéro de série", false, false, "Numero de serie", "N° de série", "Serial number", "serial"),
  NAME("Nom", false, false, "Name"),
  TYPE(
      "Type",
      true,
      false,
      "Type de matériel",
      "Type d'ordinateur",
      "Type de moniteur",
      "Type de matériel réseau"),
  MANUFACTURER("Fabricant", false, false, "Manufacturer", "Marque"),
  MODEL(
      "Modèle",
      false,
      false,
      "Model",
      "Modèle d'ordinateur",
      "Modèle de moniteur",
      "Modèle de matériel réseau"),
  LOCATION("Lieu", false, false, "Location", "Localisation"),
  STATUS("Statut", false, false, "Status", "État"),
  PURCHASE_DATE("Date d'achat", false, true, "Date of purchase", "Purchase date"),
  VALUE("Valeur", false, true, "Value", "Valeur d'achat", "Coût d'achat"),
  GROUP(
      "Groupe",
      false,
      false,
      "Group",
      "Service",
      "Groupe en charge du matériel",
      "Groupe technique"),
  ENTITY("Entité", false, false, "Entity");

  private final String header;
  private final boolean required;
  private final boolean linkedPrefixAllowed;
  private final List<String> names;

  GlpiColumn(String header, boolean required, boolean linkedPrefixAllowed, String... variants) {
    this.header = header;
    this.required = required;
    this.linkedPrefixAllowed = linkedPrefixAllowed;
    this.names =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(header), List.of(variants).stream())
            .map(GlpiColumn::normalize)
            .toList();
  }

  /** The header as GLPI writes it in French. */
  String header() {
    return header;
  }

  boolean required() {
    return required;
  }

  /** The column this header names, if Seconde Vie reads it. */
  static Optional<GlpiColumn> of(String header) {
    String name = normalize(header);
    for (GlpiColumn column : values()) {
      if (column.names.contains(name)) {
        return Optional.of(column);
      }
    }
    int dash = name.lastIndexOf(" - ");
    if (dash > 0) {
      String suffix = name.substring(dash + 3);
      for (GlpiColumn column : values()) {
        if (column.linkedPrefixAllowed && column.names.contains(suffix)) {
          return Optional.of(column);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Lower case, no accents, one space, straight apostrophes: "Numéro d’inventaire " → "numero
   * d'inventaire".
   */
  static String normalize(String text) {
    String s =
        text == null ? "" : text.replace('\uFEFF', ' ').replace('’', '\'').replace('\u00a0', ' ');
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
