package fr.secondevie.documents;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No stored document has this id. Answered 404 through the error page (French HTML in a browser,
 * JSON for an API client), like the 403 of a document the user may not read.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DocumentNotFoundException extends RuntimeException {

  DocumentNotFoundException(String publicId) {
    super("Aucun document " + publicId);
  }
}
