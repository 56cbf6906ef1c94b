package fr.secondevie.tasks.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown subset of form texts, rendered to safe HTML (everything escaped, only the markup
 * below produced): ATX headings ({@code #}, shown from {@code h2} since the page has the {@code
 * h1}), paragraphs (a single line break joins lines, two trailing spaces or a backslash break
 * them), bulleted ({@code -}, {@code *}, {@code +}) and numbered lists, block quotes, thematic
 * breaks, {@code **strong**}, {@code *emphasis*} / {@code _emphasis_}, {@code `code`}, links {@code
 * [text](url)} to http(s), mailto or the application ({@code /...}, {@code #...}), and backslash
 * escapes. Raw HTML is shown as text.
 */
public final class Markdown {

  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t#]*$");
  private static final Pattern BULLET = Pattern.compile("^ {0,3}[-*+][ \\t]+(.*)$");
  private static final Pattern ORDERED = Pattern.compile("^ {0,3}(\\d{1,9})[.)][ \\t]+(.*)$");
  private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])([ \\t]*\\1){2,}[ \\t]*$");
  private static final Pattern QUOTE = Pattern.compile("^ {0,3}>[ ]?(.*)$");
  private static final String PUNCTUATION = "\\`*_{}[]()#+-.!<>|~\"'";

  private Markdown() {}

  /** Escapes Markdown markup in a value inserted into a template. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_[]#<>".indexOf(c) >= 0) {
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
    List<String> lines = List.of(source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    StringBuilder html = new StringBuilder();
    blocks(lines, html);
    return html.toString();
  }

  private static void blocks(List<String> lines, StringBuilder html) {
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank()) {
        i++;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        int level = Math.min(6, Math.max(2, heading.group(1).length()));
        String text = heading.group(2) == null ? "" : heading.group(2);
        html.append("<h").append(level).append('>').append(inline(text));
        html.append("</h").append(level).append(">\n");
        i++;
        continue;
      }
      if (RULE.matcher(line).matches()) {
        html.append("<hr>\n");
        i++;
        continue;
      }
      if (QUOTE.matcher(line).matches()) {
        List<String> quoted = new ArrayList<>();
        while (i < lines.size()) {
          Matcher m = QUOTE.matcher(lines.get(i));
          if (!m.matches()) {
            break;
          }
          quoted.add(m.group(1));
          i++;
        }
        html.append("<blockquote>\n");
        blocks(quoted, html);
        html.append("</blockquote>\n");
        continue;
      }
      boolean bullet = BULLET.matcher(line).matches();
      if (bullet || ORDERED.matcher(line).matches()) {
        Pattern item = bullet ? BULLET : ORDERED;
        int group = bullet ? 1 : 2;
        Matcher first = ORDERED.matcher(line);
        String start =
            !bullet && first.matches() && !first.group(1).equals("1")
                ? " start=\"" + Integer.parseInt(first.group(1)) + "\""
                : "";
        html.append(bullet ? "<ul>\n" : "<ol" + start + ">\n");
        while (i < lines.size()) {
          Matcher m = item.matcher(lines.get(i));
          if (!m.matches()) {
            break;
          }
          StringBuilder text = new StringBuilder(m.group(group));
          i++;
          // continuation lines (indented, not a new block)
          while (i < lines.size()
              && !lines.get(i).isBlank()
              && lines.get(i).startsWith("  ")
              && !item.matcher(lines.get(i)).matches()) {
            text.append('\n').append(lines.get(i).trim());
            i++;
          }
          html.append("<li>").append(inlineLines(text.toString())).append("</li>\n");
        }
        html.append(bullet ? "</ul>\n" : "</ol>\n");
        continue;
      }
      StringBuilder paragraph = new StringBuilder(line);
      i++;
      while (i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i))) {
        paragraph.append('\n').append(lines.get(i));
        i++;
      }
      html.append("<p>").append(inlineLines(paragraph.toString())).append("</p>\n");
    }
  }

  private static boolean startsBlock(String line) {
    Matcher ordered = ORDERED.matcher(line);
    return HEADING.matcher(line).matches()
        || RULE.matcher(line).matches()
        || QUOTE.matcher(line).matches()
        || BULLET.matcher(line).matches()
        || (ordered.matches() && ordered.group(1).equals("1"));
  }

  /** Inline content spread over lines: soft breaks become spaces, hard breaks {@code <br>}. */
  private static String inlineLines(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean last = i == lines.length - 1;
      boolean hard =
          !last && (line.endsWith("  ") || (line.endsWith("\\") && !line.endsWith("\\\\")));
      String content = i == 0 ? line.stripTrailing() : line.strip();
      if (hard && content.endsWith("\\")) {
        content = content.substring(0, content.length() - 1);
      }
      out.append(inline(content));
      if (!last) {
        out.append(hard ? "<br>\n" : "\n");
      }
    }
    return out.toString();
  }

  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < n && PUNCTUATION.indexOf(text.charAt(i + 1)) >= 0) {
        escapeHtml(out, text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '`') {
        int end = text.indexOf('`', i + 1);
        if (end > i) {
          out.append("<code>");
          text.substring(i + 1, end).chars().forEach(ch -> escapeHtml(out, (char) ch));
          out.append("</code>");
          i = end + 1;
          continue;
        }
      }
      if ((c == '*' || c == '_') && i + 1 < n && text.charAt(i + 1) == c) {
        String delimiter = "" + c + c;
        int end = closing(text, delimiter, i + 2);
        if (end > i + 2 && flanking(text, i, end + 2, c, 2)) {
          out.append("<strong>").append(inline(text.substring(i + 2, end))).append("</strong>");
          i = end + 2;
          continue;
        }
      }
      if (c == '*' || c == '_') {
        int end = closing(text, String.valueOf(c), i + 1);
        if (end > i + 1 && flanking(text, i, end + 1, c, 1)) {
          out.append("<em>").append(inline(text.substring(i + 1, end))).append("</em>");
          i = end + 1;
          continue;
        }
      }
      if (c == '[') {
        int textEnd = closing(text, "]", i + 1);
        if (textEnd > i && textEnd + 1 < n && text.charAt(textEnd + 1) == '(') {
          int urlEnd = closingParenthesis(text, textEnd + 2);
          if (urlEnd > 0) {
            String url = text.substring(textEnd + 2, urlEnd).trim();
            String label = inline(text.substring(i + 1, textEnd));
            if (safeUrl(url)) {
              out.append("<a href=\"");
              url.chars().forEach(ch -> escapeHtml(out, (char) ch));
              out.append("\">").append(label).append("</a>");
            } else {
              out.append(label);
            }
            i = urlEnd + 1;
            continue;
          }
        }
      }
      escapeHtml(out, c);
      i++;
    }
    return out.toString();
  }

  /** Index of the parenthesis closing a link destination (nested pairs allowed), or -1. */
  private static int closingParenthesis(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** Index of the next unescaped delimiter from {@code from}, or -1. */
  private static int closing(String text, String delimiter, int from) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '\\') {
        i += 2;
        continue;
      }
      if (text.startsWith(delimiter, i)) {
        if (delimiter.length() == 1
            && "*_".contains(delimiter)
            && i + 1 < text.length()
            && text.charAt(i + 1) == delimiter.charAt(0)) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Emphasis must not start or end inside a word for {@code _}, nor next to a space. */
  private static boolean flanking(
      String text, int start, int endExclusive, char delimiter, int width) {
    char first = text.charAt(start + width);
    char last = text.charAt(endExclusive - width - 1);
    if (Character.isWhitespace(first) || Character.isWhitespace(last)) {
      return false;
    }
    if (delimiter == '_') {
      boolean before = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
      boolean after =
          endExclusive < text.length() && Character.isLetterOrDigit(text.charAt(endExclusive));
      return !before && !after;
    }
    return true;
  }

  private static boolean safeUrl(String url) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:")
        || (lower.startsWith("/") && !lower.startsWith("//"))
        || lower.startsWith("#");
  }

  private static void escapeHtml(StringBuilder out, char c) {
    switch (c) {
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }
}
