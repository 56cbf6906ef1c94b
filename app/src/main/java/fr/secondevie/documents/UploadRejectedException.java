package fr.secondevie.documents;

import org.springframework.modulith.NamedInterface;

/** An uploaded file refused by an {@link UploadPolicy}; the message is for the uploader. */
@NamedInterface("api")
public class UploadRejectedException extends RuntimeException {

  public UploadRejectedException(String message) {
    super(message);
  }
}
