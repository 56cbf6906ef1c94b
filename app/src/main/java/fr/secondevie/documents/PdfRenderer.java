package fr.secondevie.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template under {@code templates/pdf/} to a PDF (openhtmltopdf).
 *
 * <p>Templates must be well-formed XHTML (every element closed) and may use only the PDF base
 * fonts, which cover French text; the renderer replaces the narrow no-break space that French
 * number formats produce, which those fonts lack, by a normal no-break space.
 */
@NamedInterface("api")
@Component
public class PdfRenderer {

  private static final Locale FRENCH = Locale.FRANCE;

  private final ITemplateEngine templates;

  PdfRenderer(ITemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * @param template name under {@code templates/pdf/}, without extension (e.g. {@code
   *     donation-agreement})
   * @param model variables of the template
   */
  public byte[] render(String template, Map<String, Object> model) {
    String html = renderHtml(template, model);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, "classpath:/templates/pdf/");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the PDF of template " + template, e);
    }
  }

  /** The XHTML the PDF is made from (what tests and previews look at). */
  public String renderHtml(String template, Map<String, Object> model) {
    Context context = new Context(FRENCH, model);
    return templates.process("pdf/" + template, context).replace('\u202F', '\u00A0');
  }
}
