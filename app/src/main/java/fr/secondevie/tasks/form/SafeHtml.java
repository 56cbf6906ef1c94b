package fr.secondevie.tasks.form;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The content of an HTML component made safe, as form-js sanitises it before showing it: jsoup's
 * relaxed safelist (text formatting, lists, tables, headings, links to http(s) and mailto, images
 * from http(s) or {@code data:}), no script, no event handler, no {@code style} element or
 * attribute, no form control, no frame. Links open apart from the task page ({@code rel="noopener
 * noreferrer"}).
 */
final class SafeHtml {

  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .addProtocols("img", "src", "data")
          .addEnforcedAttribute("a", "rel", "noopener noreferrer");

  private SafeHtml() {}

  static String clean(String html) {
    Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "", SAFELIST, output);
  }
}
