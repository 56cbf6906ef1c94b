package fr.secondevie.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents on a real MariaDB: content and hash kept, bad uploads refused with nothing stored. */
@SpringBootTest
class DocumentServiceTests {

  @Autowired DocumentService documents;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldKeepContentAndHashOfAStoredDocument() {
    // given
    byte[] content = pdfBytes("certificat");
    String owner = uniqueOwner();

    // when
    StoredDocument stored =
        documents.store(
            NewDocument.pdf(
                DocumentKind.SANITIZATION_CERTIFICATE, "certificat.pdf", content, owner, "tech"));

    // then
    assertThat(documents.find(stored.publicId())).contains(stored);
    assertThat(documents.content(stored)).isEqualTo(content);
    assertThat(stored.sha256()).isEqualTo(DocumentService.sha256(content)).hasSize(64);
    assertThat(stored.evidence()).contains(stored.publicId()).contains(stored.sha256());
    assertThat(documents.ownedBy(owner)).containsExactly(stored);
    assertThat(documents.isIntact(stored)).isTrue();
  }

  @Test
  void shouldNoticeContentAlteredInTheDatabase() {
    // given
    StoredDocument stored =
        documents.store(
            NewDocument.pdf(
                DocumentKind.DESTRUCTION_CERTIFICATE,
                "pv.pdf",
                pdfBytes("original"),
                uniqueOwner(),
                "tech"));

    // when
    jdbc.sql("UPDATE document_content SET content = ? WHERE document_id = ?")
        .params(pdfBytes("falsifié"), stored.id())
        .update();

    // then
    assertThat(documents.isIntact(stored)).isFalse();
  }

  @Test
  void shouldStoreAnUploadWithTheTypeReadFromItsContent() {
    // given
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    // when
    StoredDocument stored =
        documents.storeUpload(
            UploadPolicy.EVIDENCE,
            DocumentKind.SUPPLIER_EVIDENCE,
            "label.PNG",
            png,
            uniqueOwner(),
            "fournisseur");

    // then
    assertThat(stored.contentType()).isEqualTo("image/png");
  }

  @Test
  void shouldRefuseAnExecutableNamedLikeAPdfAndStoreNothing() {
    // given
    String owner = uniqueOwner();
    byte[] executable = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

    // when / then
    assertThatThrownBy(
            () ->
                documents.storeUpload(
                    UploadPolicy.EVIDENCE,
                    DocumentKind.SUPPLIER_EVIDENCE,
                    "rapport.pdf",
                    executable,
                    owner,
                    "fournisseur"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rapport.pdf")
        .hasMessageContaining("n'est pas d'un type accepté");
    assertThat(documents.ownedBy(owner)).isEmpty();
  }

  @Test
  void shouldRefuseATooLargeUploadNamingTheLimit() {
    // given
    byte[] large = Arrays.copyOf(pdfBytes("x"), 10 * 1024 * 1024 + 1);
    String owner = uniqueOwner();

    // when / then
    assertThatThrownBy(
            () ->
                documents.storeUpload(
                    UploadPolicy.EVIDENCE,
                    DocumentKind.SUPPLIER_EVIDENCE,
                    "gros.pdf",
                    large,
                    owner,
                    "fournisseur"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("10,0 Mo");
    assertThat(documents.ownedBy(owner)).isEmpty();
  }

  @Test
  void shouldRefuseAPdfWhoseNameSaysImage() {
    assertThatThrownBy(() -> UploadPolicy.EVIDENCE.check("photo.jpg", pdfBytes("x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("de type PDF mais son extension est « .jpg »");
  }

  @Test
  void shouldRefuseAnEmptyUploadUnderTheFileField() {
    assertThatThrownBy(() -> UploadPolicy.PDF_ONLY.check("vide.pdf", new byte[0]))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        Map.entry(UploadPolicy.FIELD, "Le fichier « vide.pdf » est vide.")));
  }

  @Test
  void shouldRefuseAnUploadUnderTheFieldItsFormShowsItUnder() {
    // given
    byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    // when / then
    assertThatThrownBy(() -> UploadPolicy.PDF_ONLY.check("proof", "statuts.png", image))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors()).containsOnlyKeys("proof");
              assertThat(e.errors().get("proof"))
                  .isEqualTo(
                      "Le fichier « statuts.png » n'est pas d'un type accepté (PDF, 10,0 Mo maximum).");
            });
  }

  private static byte[] pdfBytes(String text) {
    return ("%PDF-1.7\n% " + text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String uniqueOwner() {
    return "test:" + UUID.randomUUID();
  }
}
