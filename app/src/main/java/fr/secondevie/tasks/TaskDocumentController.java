package fr.secondevie.tasks;

import static fr.secondevie.tasks.TaskFormUploads.uploadOwner;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.tasks.form.DocumentReferences;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The documents of a task's form (document preview, file picker), served to who may work it. */
@Controller
class TaskDocumentController {

  private final TaskInbox inbox;
  private final TaskRuntime runtime;
  private final DocumentService documents;

  TaskDocumentController(TaskInbox inbox, TaskRuntime runtime, DocumentService documents) {
    this.inbox = inbox;
    this.runtime = runtime;
    this.documents = documents;
  }

  /**
   * A document a form shows (document preview, file picker): only one the task's variables refer to
   * or that was uploaded for this task, to those who may work it. A file received by a task form is
   * served here; any other document of the store is served by {@code /documents/}, which checks the
   * roles of its module.
   */
  @GetMapping("/tasks/{key}/documents/{documentId}")
  ResponseEntity<byte[]> document(
      @PathVariable long key, @PathVariable String documentId, Authentication authentication) {
    TaskInfo task = inbox.workable(Viewer.of(authentication), key);
    StoredDocument document =
        documents
            .find(documentId)
            .filter(
                d ->
                    uploadOwner(key).equals(d.ownerRef())
                        || refersTo(runtime.variables(task.key()), documentId))
            .orElseThrow(
                () ->
                    new TaskRuntimeException(
                        TaskRuntimeException.Kind.NOT_FOUND, "document " + documentId, null));
    if (document.ownerRef() == null || !document.ownerRef().startsWith("task-form:")) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .header(HttpHeaders.LOCATION, "/documents/" + document.publicId())
          .build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(document.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(documents.content(document));
  }

  /** Whether a variable tree holds a document reference to this id. */
  private static boolean refersTo(Object value, String documentId) {
    if (value instanceof Map<?, ?> map) {
      if (documentId.equals(String.valueOf(map.get("documentId")))
          && map.containsKey(DocumentReferences.TYPE)) {
        return true;
      }
      return map.values().stream().anyMatch(v -> refersTo(v, documentId));
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(v -> refersTo(v, documentId));
    }
    return false;
  }
}
