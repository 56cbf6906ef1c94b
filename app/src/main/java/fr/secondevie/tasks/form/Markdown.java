package fr.secondevie.tasks.form;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Form texts in Markdown (CommonMark, through commonmark-java) rendered to safe HTML: raw HTML is
 * shown as text; links keep their {@code <a>} only to http(s), mailto or the application ({@code
 * /...}, {@code #...}), otherwise only their text; images show their text (no remote content);
 * level-1 headings are shown as {@code h2}, since the page has the {@code h1}.
 */
public final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).nodeRendererFactory(SafeLinks::new).build();

  private Markdown() {}

  /** Escapes Markdown markup in a value inserted into a template. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_[]#<>!&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Renders Markdown source to HTML. */
  public static String toHtml(String source) {
    if (source == null || source.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(source);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            heading.setLevel(Math.max(2, heading.getLevel()));
            visitChildren(heading);
          }
        });
    return RENDERER.render(document);
  }

  /** Renders one paragraph's inline Markdown to HTML, without the paragraph. */
  static String inline(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(text);
    StringBuilder html = new StringBuilder();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Paragraph) {
        for (Node inline = block.getFirstChild(); inline != null; inline = inline.getNext()) {
          html.append(RENDERER.render(inline));
        }
      } else {
        html.append(RENDERER.render(block));
      }
    }
    return html.toString();
  }

  static boolean safeUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:")
        || (lower.startsWith("/") && !lower.startsWith("//"))
        || lower.startsWith("#");
  }

  /** Links to allowed destinations only; images as their text. */
  private static final class SafeLinks implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    SafeLinks(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Link.class, Image.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Link link && safeUrl(link.getDestination())) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("href", context.encodeUrl(link.getDestination()));
        if (link.getTitle() != null) {
          attributes.put("title", link.getTitle());
        }
        html.tag("a", context.extendAttributes(node, "a", attributes));
        children(node);
        html.tag("/a");
      } else {
        children(node);
      }
    }

    private void children(Node parent) {
      Node child = parent.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
    }
  }
}
