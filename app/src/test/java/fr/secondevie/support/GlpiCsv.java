package fr.secondevie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds CSV files the way GLPI exports them: BOM, every value quoted, trailing delimiter. */
public final class GlpiCsv {

  public static final List<String> HEADER =
      List.of(
          "Nom",
          "Entité",
          "Statut",
          "Fabricant",
          "Numéro de série",
          "Type",
          "Modèle",
          "Lieu",
          "Numéro d'inventaire",
          "Groupe",
          "Composants - Processeur",
          "Date d'achat",
          "Valeur");

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private char delimiter = ';';
  private boolean bom = true;
  private Charset charset = StandardCharsets.UTF_8;

  private GlpiCsv(List<String> header) {
    this.header = header;
  }

  public static GlpiCsv glpi() {
    return new GlpiCsv(HEADER);
  }

  public static GlpiCsv withHeader(String... header) {
    return new GlpiCsv(List.of(header));
  }

  /** A typical desktop row for the default header. */
  public static List<String> desktop(String inventoryNumber, String serial) {
    return List.of(
        "PC-CAR-0001",
        "CHU de Rouen",
        "En service",
        "Dell",
        serial,
        "Poste fixe",
        "OptiPlex 7060",
        "Hôpital Charles-Nicolle > Pavillon Derocque > Cardiologie",
        inventoryNumber,
        "Cardiologie",
        "Intel Core i5-8500",
        "2018-05-14",
        "712,40");
  }

  public GlpiCsv row(List<String> values) {
    rows.add(values);
    return this;
  }

  public GlpiCsv row(String... values) {
    return row(List.of(values));
  }

  public GlpiCsv delimiter(char delimiter) {
    this.delimiter = delimiter;
    return this;
  }

  public GlpiCsv charset(Charset charset, boolean bom) {
    this.charset = charset;
    this.bom = bom;
    return this;
  }

  public String text() {
    StringBuilder text = new StringBuilder();
    line(text, header);
    rows.forEach(r -> line(text, r));
    return text.toString();
  }

  public byte[] bytes() {
    byte[] body = text().getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  private void line(StringBuilder text, List<String> values) {
    for (String v : values) {
      text.append('"').append(v.replace("\"", "''")).append('"').append(delimiter);
    }
    text.append('\n');
  }

  /** The demo file shipped in samples/. */
  public static byte[] sample() {
    try {
      return Files.readAllBytes(Path.of("..", "samples", "glpi-export-chu.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
