package fr.secondevie.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Templates become PDFs whose French text survives (accents, euro sign, no-break spaces). */
@SpringBootTest
class PdfRendererTests {

  @Autowired PdfRenderer renderer;

  @Test
  void shouldRenderFrenchTextIntoAPdf() throws IOException {
    // given
    Map<String, Object> model =
        Map.of("title", "Certificat d'effacement — conformité", "amount", "1\u202F234,50 €");

    // when
    byte[] pdf = renderer.render("test-certificate", model);

    // then
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Certificat d'effacement — conformité");
      assertThat(text).contains("1\u00A0234,50 €");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Certificat d'effacement — conformité");
    }
  }
}
