package fr.secondevie.documents;

/** An uploaded file refused by an {@link UploadPolicy}; the message is for the uploader. */
public class UploadRejectedException extends RuntimeException {

  public UploadRejectedException(String message) {
    super(message);
  }
}
