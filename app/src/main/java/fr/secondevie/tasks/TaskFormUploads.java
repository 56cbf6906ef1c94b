package fr.secondevie.tasks;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.documents.UploadPolicy;
import fr.secondevie.tasks.form.DocumentReferences;
import fr.secondevie.tasks.form.FormSchema;
import fr.secondevie.tasks.form.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The files a task's form receives, kept in the document store under the owner {@code
 * task-form:<task key>}, and the documents earlier submissions of the same form kept.
 */
@Component
class TaskFormUploads {

  private final DocumentService documents;

  TaskFormUploads(DocumentService documents) {
    this.documents = documents;
  }

  /** The owner of the files a task's form received: {@code task-form:<task key>}. */
  static String uploadOwner(long key) {
    return "task-form:" + key;
  }

  /**
   * The files of a submitted form kept in the document store (owner {@code task-form:<key>}), and
   * the documents earlier submissions of the same form kept; a refused file is named, not stored.
   */
  Uploads receive(long key, FormSchema schema, HttpServletRequest request, Viewer viewer) {
    Map<String, List<Map<String, Object>>> added = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
        if (!schema.takesFiles(part.getKey())) {
          continue;
        }
        for (MultipartFile file : part.getValue()) {
          if (file.isEmpty()
              && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            continue;
          }
          String filename =
              file.getOriginalFilename() == null ? "fichier" : file.getOriginalFilename();
          try {
            StoredDocument stored =
                documents.storeUpload(
                    UploadPolicy.EVIDENCE,
                    DocumentKind.OTHER,
                    filename,
                    file.getBytes(),
                    uploadOwner(key),
                    viewer.login());
            added
                .computeIfAbsent(part.getKey(), k -> new ArrayList<>())
                .add(
                    DocumentReferences.of(
                        stored.publicId(),
                        stored.filename(),
                        stored.contentType(),
                        stored.sizeBytes(),
                        stored.sha256()));
          } catch (InvalidInputException e) {
            for (InputError error : e.inputErrors()) {
              refused.merge(part.getKey(), error.message(), (a, b) -> a + " " + b);
            }
          } catch (IOException e) {
            refused.merge(
                part.getKey(),
                "Le fichier « " + filename + " » n'a pas pu être lu.",
                (a, b) -> a + " " + b);
          }
        }
      }
      // a field whose new files were all refused keeps none of them
      refused.keySet().forEach(name -> added.remove(name));
    }
    Map<String, Map<String, Object>> earlier = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, ids) -> {
              if (name.endsWith(Uploads.KEPT_SUFFIX)) {
                for (String id : ids) {
                  documents
                      .find(id)
                      .filter(d -> uploadOwner(key).equals(d.ownerRef()))
                      .ifPresent(
                          d ->
                              earlier.put(
                                  id,
                                  DocumentReferences.of(
                                      d.publicId(),
                                      d.filename(),
                                      d.contentType(),
                                      d.sizeBytes(),
                                      d.sha256())));
                }
              }
            });
    return new Uploads(added, earlier, refused);
  }
}
