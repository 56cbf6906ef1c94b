package fr.secondevie.sanitization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.common.InputError;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a wipe report in our JSON schema (docs/sanitization.md, "JSON wipe report"), checking every
 * field and naming each problem by its path and line. Unknown fields are refused (a typo must not
 * silently drop a value).
 */
final class JsonWipeReportReader {

  static final Set<String> FIELDS =
      Set.of(
          "schemaVersion",
          "assetId",
          "inventoryNumber",
          "tool",
          "toolVersion",
          "operator",
          "reportRef",
          "performedOn",
          "drives");
  static final Set<String> DRIVE_FIELDS =
      Set.of(
          "serialNumber",
          "methodType",
          "method",
          "verification",
          "result",
          "notes",
          "manufacturer",
          "model");

  /** The report read, and how it names its asset (one of the two, or both). */
  record Parsed(Long assetId, String inventoryNumber, WipeReportContent content) {}

  private final List<InputError> errors = new ArrayList<>();
  private Map<String, Integer> lines = Map.of();

  private JsonWipeReportReader() {}

  /** Reads the body; the problems found are added to {@code errors}. Null when unreadable. */
  static Parsed read(byte[] body, ObjectMapper mapper, List<InputError> errors) {
    JsonWipeReportReader reader = new JsonWipeReportReader();
    Parsed parsed = reader.parse(body, mapper);
    errors.addAll(reader.errors);
    return parsed;
  }

  private Parsed parse(byte[] body, ObjectMapper mapper) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
      lines = lineIndex(body, mapper.getFactory());
    } catch (JsonProcessingException e) {
      errors.add(
          new InputError(
              null,
              e.getLocation() == null ? null : e.getLocation().getLineNr(),
              null,
              "JSON illisible : " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      errors.add(new InputError(null, null, null, "JSON illisible : " + e.getMessage()));
      return null;
    }
    if (root == null || !root.isObject()) {
      errors.add(new InputError(null, 1, null, "Le rapport doit être un objet JSON."));
      return null;
    }
    unknownFields((ObjectNode) root, "", FIELDS);
    JsonNode version = root.get("schemaVersion");
    if (version != null && !(version.isInt() && version.asInt() == 1)) {
      error("schemaVersion", version, "Seule la version 1 du schéma est connue.");
    }
    Long assetId = null;
    JsonNode id = root.get("assetId");
    if (id != null && !id.isNull()) {
      if (id.canConvertToLong() && id.isIntegralNumber() && id.asLong() > 0) {
        assetId = id.asLong();
      } else {
        error("assetId", id, "Identifiant d'équipement attendu (nombre entier positif).");
      }
    }
    String inventoryNumber = text(root, "inventoryNumber", 64, false);
    if ((id == null || id.isNull()) && inventoryNumber == null && !has(root, "inventoryNumber")) {
      error(
          "assetId",
          null,
          "L'équipement est à désigner par assetId ou inventoryNumber (aucun des deux n'est donné).");
    }
    String tool = text(root, "tool", 120, true);
    String toolVersion = text(root, "toolVersion", 40, true);
    String operator = text(root, "operator", 120, true);
    String reportRef = text(root, "reportRef", 80, false);
    String performedOn = text(root, "performedOn", 40, true);
    if (performedOn != null && !isIsoDateOrDateTime(performedOn)) {
      error(
          "performedOn",
          performedOn,
          "Date ISO 8601 attendue (2026-03-12 ou 2026-03-12T10:15:00+01:00).");
      performedOn = null;
    }
    List<ReportedDrive> drives = new ArrayList<>();
    JsonNode list = root.get("drives");
    if (list == null || list.isNull()) {
      error("drives", null, "La liste des supports effacés (drives) manque.");
    } else if (!list.isArray()) {
      error("drives", list, "Une liste de supports est attendue.");
    } else if (list.isEmpty()) {
      error("drives", "[]", "Le rapport ne cite aucun support.");
    } else {
      for (int i = 0; i < list.size(); i++) {
        ReportedDrive drive = drive(list.get(i), "drives[" + i + "]");
        if (drive != null) {
          drives.add(drive);
        }
      }
    }
    return new Parsed(
        assetId,
        inventoryNumber,
        new WipeReportContent(tool, toolVersion, operator, reportRef, performedOn, drives));
  }

  private ReportedDrive drive(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      error(path, node, "Un objet support est attendu.");
      return null;
    }
    unknownFields((ObjectNode) node, path + ".", DRIVE_FIELDS);
    String serial = text(node, path, "serialNumber", 128, true);
    SanitizationLevel methodType = choice(node, path, "methodType", SanitizationLevel.class, true);
    SanitizationMethod method = choice(node, path, "method", SanitizationMethod.class, true);
    Verification verification = choice(node, path, "verification", Verification.class, true);
    DriveResult result = choice(node, path, "result", DriveResult.class, true);
    String notes = text(node, path, "notes", 500, false);
    String manufacturer = text(node, path, "manufacturer", 128, false);
    String model = text(node, path, "model", 255, false);
    return new ReportedDrive(
        serial, methodType, method, verification, result, notes, manufacturer, model);
  }

  private String text(JsonNode node, String name, int max, boolean required) {
    return text(node, "", name, max, required);
  }

  private String text(JsonNode node, String parent, String name, int max, boolean required) {
    String path = parent.isEmpty() ? name : parent + "." + name;
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        error(path, null, "Champ obligatoire manquant.");
      }
      return null;
    }
    if (!value.isTextual()) {
      error(path, value, "Texte attendu.");
      return null;
    }
    String s = value.asText().strip();
    if (s.isEmpty()) {
      if (required) {
        error(path, "", "Champ obligatoire vide.");
      }
      return null;
    }
    if (s.length() > max) {
      error(path, s, "%d caractères au plus (%d donnés).".formatted(max, s.length()));
      return null;
    }
    return s;
  }

  private <E extends Enum<E>> E choice(
      JsonNode node, String parent, String name, Class<E> type, boolean required) {
    String path = parent + "." + name;
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        error(path, null, "Champ obligatoire manquant (%s).".formatted(allowed(type)));
      }
      return null;
    }
    if (value.isTextual()) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(value.asText().strip())) {
          return e;
        }
      }
    }
    error(
        path,
        value.isTextual() ? value.asText() : value,
        "Valeur inconnue : " + allowed(type) + ".");
    return null;
  }

  private static String allowed(Class<? extends Enum<?>> type) {
    return "valeurs admises "
        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  private void unknownFields(ObjectNode node, String prefix, Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        error(
            prefix + name,
            null,
            "Champ inconnu du schéma (champs admis : %s)."
                .formatted(String.join(", ", known.stream().sorted().toList())));
      }
    }
  }

  private static boolean has(JsonNode node, String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  private void error(String path, Object value, String message) {
    String shown =
        value instanceof JsonNode n
            ? (n.isTextual() ? n.asText() : n.toString())
            : (value == null ? null : value.toString());
    errors.add(new InputError(path, lines.get(path), shown, message));
  }

  static boolean isIsoDateOrDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      LocalDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The line of every field, by JSON path ({@code drives[0].serialNumber}). */
  private static Map<String, Integer> lineIndex(byte[] body, JsonFactory factory)
      throws IOException {
    Map<String, Integer> index = new HashMap<>();
    Deque<String> paths = new ArrayDeque<>();
    Deque<int[]> arrayCounters = new ArrayDeque<>();
    Deque<Boolean> inArray = new ArrayDeque<>();
    String current = "";
    try (JsonParser p = factory.createParser(body)) {
      JsonToken t;
      String pendingField = null;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> {
            pendingField = p.currentName();
            String path = current.isEmpty() ? pendingField : current + "." + pendingField;
            index.putIfAbsent(path, p.currentTokenLocation().getLineNr());
          }
          case START_OBJECT, START_ARRAY -> {
            String child = childPath(current, pendingField, inArray, arrayCounters);
            if (child != null) {
              index.putIfAbsent(child, p.currentTokenLocation().getLineNr());
            }
            paths.push(current);
            current = child == null ? current : child;
            inArray.push(t == JsonToken.START_ARRAY);
            arrayCounters.push(new int[] {0});
            pendingField = null;
          }
          case END_OBJECT, END_ARRAY -> {
            current = paths.isEmpty() ? "" : paths.pop();
            inArray.pop();
            arrayCounters.pop();
            pendingField = null;
          }
          default -> {
            childPath(current, pendingField, inArray, arrayCounters);
            pendingField = null;
          }
        }
      }
    }
    return index;
  }

  private static String childPath(
      String current, String field, Deque<Boolean> inArray, Deque<int[]> counters) {
    if (!inArray.isEmpty() && inArray.peek()) {
      int i = counters.peek()[0]++;
      return current + "[" + i + "]";
    }
    if (field != null) {
      return current.isEmpty() ? field : current + "." + field;
    }
    return inArray.isEmpty() ? "" : null;
  }
}
