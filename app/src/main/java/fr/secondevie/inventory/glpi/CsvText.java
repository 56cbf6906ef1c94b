package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file and how it was written: encoding (UTF-8 with or without BOM, as
 * GLPI writes it, or Windows-1252, as Excel re-saves it) and delimiter ({@code ;}, GLPI's default,
 * or {@code ,}).
 */
record CsvText(String text, String encoding, char delimiter) {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Detects encoding and delimiter, or says precisely why the file cannot be read. */
  static CsvText detect(byte[] bytes) {
    if (bytes.length == 0) {
      throw GlpiCsvParser.refused(InputError.of(null, "Le fichier est vide."));
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE) || hasNul(bytes)) {
      throw GlpiCsvParser.refused(
          InputError.of(
              null,
              "Encodage non pris en charge : le fichier est en UTF-16 ou n'est pas un fichier"
                  + " texte. Exportez la liste depuis GLPI au format CSV (UTF-8), ou enregistrez-la"
                  + " en « CSV (séparateur : point-virgule) »."));
    }
    String text;
    String encoding;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      text = decode(bytes, 3, StandardCharsets.UTF_8);
      encoding = "UTF-8 (BOM)";
    } else {
      text = decode(bytes, 0, StandardCharsets.UTF_8);
      encoding = "UTF-8";
      if (text == null) {
        text = decode(bytes, 0, WINDOWS_1252);
        encoding = "Windows-1252";
      }
    }
    if (text == null) {
      throw GlpiCsvParser.refused(
          InputError.of(
              null, "Encodage non reconnu : le fichier n'est ni en UTF-8 ni en Windows-1252."));
    }
    if (text.isBlank()) {
      throw GlpiCsvParser.refused(InputError.of(null, "Le fichier est vide."));
    }
    String header = firstNonBlankLine(text);
    if (header.contains("Ã©") || header.contains("Ã¨") || header.contains("Ã ")) {
      throw GlpiCsvParser.refused(
          InputError.atLine(
              1,
              null,
              header,
              "Le fichier est mal encodé : « Ã© » apparaît au lieu de « é » (texte UTF-8 relu"
                  + " puis réenregistré comme Windows-1252). Réexportez-le depuis GLPI sans"
                  + " l'ouvrir dans un tableur."));
    }
    return new CsvText(text, encoding, delimiterOf(header));
  }

  private static char delimiterOf(String header) {
    int semicolons = countOutsideQuotes(header, ';');
    int commas = countOutsideQuotes(header, ',');
    if (semicolons == 0 && commas == 0) {
      String found =
          countOutsideQuotes(header, '\t') > 0
              ? "des tabulations"
              : countOutsideQuotes(header, '|') > 0 ? "des barres verticales « | »" : null;
      throw GlpiCsvParser.refused(
          InputError.atLine(
              1,
              null,
              header,
              "Séparateur non reconnu : la ligne d'en-tête ne contient ni « ; » ni « , »"
                  + (found == null ? "" : " mais " + found)
                  + ". GLPI exporte ses listes en CSV séparé par « ; » (réglable dans les"
                  + " préférences) ; seuls « ; » et « , » sont acceptés."));
    }
    return semicolons >= commas ? ';' : ',';
  }

  private static int countOutsideQuotes(String line, char c) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == c && !quoted) {
        count++;
      }
    }
    return count;
  }

  private static String firstNonBlankLine(String text) {
    for (String line : text.split("\r\n|\n|\r", 50)) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }

  private static String decode(byte[] bytes, int offset, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasNul(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
