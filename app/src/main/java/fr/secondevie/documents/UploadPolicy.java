package fr.secondevie.documents;

import fr.secondevie.common.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * What an uploaded file may be. The type is read from the content's first bytes (a renamed
 * executable is not a PDF), and must agree with the file name's extension.
 *
 * @param maxBytes largest accepted size
 * @param allowed accepted types
 */
@NamedInterface("api")
public record UploadPolicy(long maxBytes, Set<FileType> allowed) {

  /** Evidence files: PDF or images, 10 MB at most. */
  public static final UploadPolicy EVIDENCE =
      new UploadPolicy(10L * 1024 * 1024, Set.of(FileType.PDF, FileType.PNG, FileType.JPEG));

  /** Signed receipts and certificates: PDF only, 10 MB at most. */
  public static final UploadPolicy PDF_ONLY =
      new UploadPolicy(10L * 1024 * 1024, Set.of(FileType.PDF));

  /** The file types we recognise, by magic number. */
  public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg");

    private final String contentType;
    private final byte[] magic;
    private final Set<String> extensions;

    FileType(String contentType, byte[] magic, String... extensions) {
      this.contentType = contentType;
      this.magic = magic;
      this.extensions = Set.of(extensions);
    }

    public String contentType() {
      return contentType;
    }

    boolean matches(byte[] content) {
      return content.length >= magic.length
          && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
  }

  /** The form field an upload is refused under when its caller names none. */
  public static final String FIELD = "file";

  /**
   * Checks an upload and returns its real type.
   *
   * @throws InvalidInputException with a message for the person who uploaded it, under {@link
   *     #FIELD}
   */
  public FileType check(String filename, byte[] content) {
    return check(FIELD, filename, content);
  }

  /**
   * Checks an upload and returns its real type.
   *
   * @param field the form field the refusal is shown under
   * @throws InvalidInputException with a message for the person who uploaded it, under {@code
   *     field}
   */
  public FileType check(String field, String filename, byte[] content) {
    if (content == null || content.length == 0) {
      throw InvalidInputException.of(field, "Le fichier « %s » est vide.".formatted(filename));
    }
    if (content.length > maxBytes) {
      throw InvalidInputException.of(
          field,
          "Le fichier « %s » pèse %s ; la taille maximale est %s."
              .formatted(filename, megabytes(content.length), megabytes(maxBytes)));
    }
    FileType type =
        allowed.stream()
            .filter(t -> t.matches(content))
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        field,
                        "Le fichier « %s » n'est pas d'un type accepté (%s)."
                            .formatted(filename, acceptedTypes())));
    String extension = extensionOf(filename);
    if (!type.extensions.contains(extension)) {
      throw InvalidInputException.of(
          field,
          "Le contenu du fichier « %s » est de type %s mais son extension est « .%s »."
              .formatted(filename, type.name(), extension));
    }
    return type;
  }

  /** The accepted types, for the upload field's help text. */
  public String acceptedTypes() {
    return String.join(", ", allowed.stream().map(Enum::name).sorted().toList())
        + ", "
        + megabytes(maxBytes)
        + " maximum";
  }

  private static String extensionOf(String filename) {
    int dot = filename == null ? -1 : filename.lastIndexOf('.');
    return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.FRANCE, "%.1f Mo", bytes / (1024.0 * 1024.0));
  }
}
