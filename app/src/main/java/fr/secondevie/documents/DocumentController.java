package fr.secondevie.documents;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads a stored document: hospital staff only (suppliers never reach this), and among them
 * only the roles of the module the document belongs to ({@link DocumentReaders}): 403 for the
 * others, 404 for an unknown id.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class DocumentController {

  private final DocumentService documents;

  DocumentController(DocumentService documents) {
    this.documents = documents;
  }

  @GetMapping("/documents/{publicId}")
  ResponseEntity<byte[]> download(@PathVariable String publicId, Authentication user) {
    StoredDocument document =
        documents.find(publicId).orElseThrow(() -> new DocumentNotFoundException(publicId));
    if (!DocumentReaders.mayRead(document, user.getAuthorities())) {
      throw new AccessDeniedException(
          "Le document %s (%s) n'est pas consultable par %s"
              .formatted(publicId, document.kind().label(), user.getName()));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(document.filename(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-SHA256", document.sha256())
        .header("X-Content-Type-Options", "nosniff")
        .body(documents.content(document));
  }
}
