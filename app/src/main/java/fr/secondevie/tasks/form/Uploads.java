package fr.secondevie.tasks.form;

import java.util.List;
import java.util.Map;

/**
 * The files of a submitted form, already kept in the document store by the caller: the references
 * of the new files of each file picker (by the field's HTML name), the references of the documents
 * uploaded earlier for the same task (by document id: a file picker keeps them across a refused
 * completion), and the refusals of files that were not stored (by HTML name).
 */
public record Uploads(
    Map<String, List<Map<String, Object>>> added,
    Map<String, Map<String, Object>> earlier,
    Map<String, String> refused) {

  /** Suffix of the hidden inputs that keep the document ids a file picker already holds. */
  public static final String KEPT_SUFFIX = "__kept";

  public Uploads {
    added = Map.copyOf(added);
    earlier = Map.copyOf(earlier);
    refused = Map.copyOf(refused);
  }

  public static Uploads none() {
    return new Uploads(Map.of(), Map.of(), Map.of());
  }
}
