package fr.secondevie.tasks.form;

import fr.secondevie.tasks.form.ComponentView.DocumentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Camunda 8.8 document references, the values file pickers submit and document previews show:
 * {@code {"camunda.document.type": "camunda", "storeId", "documentId", "contentHash", "metadata":
 * {"contentType", "fileName", "size", ...}}}. The application's document store answers to the store
 * id {@value #STORE_ID}; a reference to another store is named, never fetched.
 */
public final class DocumentReferences {

  /** The discriminator property of a document reference. */
  public static final String TYPE = "camunda.document.type";

  /** The store id of the application's document store in the references it writes. */
  public static final String STORE_ID = "secondevie";

  private DocumentReferences() {}

  /** The reference of a document kept in the application's store. */
  public static Map<String, Object> of(
      String documentId, String fileName, String contentType, long size, String sha256) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("contentType", contentType);
    metadata.put("fileName", fileName);
    metadata.put("size", size);
    metadata.put("customProperties", new LinkedHashMap<>());
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put(TYPE, "camunda");
    reference.put("storeId", STORE_ID);
    reference.put("documentId", documentId);
    reference.put("contentHash", sha256);
    reference.put("metadata", metadata);
    return reference;
  }

  /** As form-js checks it: a context with a {@code documentId} and a {@code metadata.fileName}. */
  static boolean isReference(Object value) {
    return value instanceof Map<?, ?> map
        && map.get("documentId") != null
        && map.get("metadata") instanceof Map<?, ?> metadata
        && metadata.containsKey("fileName");
  }

  /** The references among a value (a list of them, or one). */
  static List<Map<?, ?>> references(Object value) {
    List<Map<?, ?>> references = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (isReference(item)) {
          references.add((Map<?, ?>) item);
        }
      }
    } else if (isReference(value)) {
      references.add((Map<?, ?>) value);
    }
    return references;
  }

  static String documentId(Map<?, ?> reference) {
    return String.valueOf(reference.get("documentId"));
  }

  /** Whether the reference names a document of the application's store. */
  static boolean isOurs(Map<?, ?> reference) {
    return STORE_ID.equals(reference.get("storeId"));
  }

  static DocumentView view(Map<?, ?> reference) {
    Map<?, ?> metadata = (Map<?, ?>) reference.get("metadata");
    Object fileName = metadata.get("fileName");
    Object contentType = metadata.get("contentType");
    return new DocumentView(
        documentId(reference),
        fileName == null ? documentId(reference) : fileName.toString(),
        contentType == null ? null : contentType.toString(),
        isOurs(reference));
  }
}
