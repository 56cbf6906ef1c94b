package fr.secondevie.tasks.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Templating of form texts, the subset of form-js's "feelers" our forms use: {@code {{expression}}}
 * inserts a value, {@code {{#if expression}}...{{/if}}} keeps its content when the expression is
 * true, {@code {{#loop expression}}...{{/loop}}} repeats its content for each item of a list (the
 * item's properties, and {@code this}, are in scope). A text starting with {@code =} is one FEEL
 * expression whose value is the text.
 *
 * <p>Inserted values can be escaped (for Markdown) so that a variable never adds markup.
 */
public final class TextTemplates {

  private TextTemplates() {}

  /** A plain-text label or description: {@code =expression} or templated text. */
  public static String text(String template, Map<String, ?> variables) {
    return render(template, variables, false);
  }

  /** The source of a Markdown text: inserted values are escaped. */
  public static String markdown(String template, Map<String, ?> variables) {
    return render(template, variables, true);
  }

  private static String render(String template, Map<String, ?> variables, boolean escape) {
    if (template == null) {
      return null;
    }
    if (template.startsWith("=")) {
      String value =
          FormExpressions.toText(FormExpressions.evaluate(template.substring(1), variables));
      return escape ? Markdown.escape(value) : value;
    }
    if (!template.contains("{{")) {
      return template;
    }
    StringBuilder out = new StringBuilder();
    int end = block(template, 0, variables, escape, out, null);
    if (end != template.length()) {
      throw new FormExpressionException("balise de fin inattendue dans le texte du formulaire");
    }
    return out.toString();
  }

  /**
   * Renders from {@code from} up to the closing tag {@code closing} (or the end), appending to
   * {@code out} when it is not null; returns the index after the closing tag.
   */
  private static int block(
      String t, int from, Map<String, ?> vars, boolean escape, StringBuilder out, String closing) {
    int i = from;
    while (i < t.length()) {
      int open = t.indexOf("{{", i);
      if (open < 0) {
        append(out, t.substring(i));
        i = t.length();
        break;
      }
      append(out, t.substring(i, open));
      int close = t.indexOf("}}", open + 2);
      if (close < 0) {
        throw new FormExpressionException("« {{ » sans « }} » dans le texte du formulaire");
      }
      String tag = t.substring(open + 2, close).trim();
      int after = close + 2;
      if (tag.startsWith("/")) {
        if (closing == null || !tag.equals(closing)) {
          throw new FormExpressionException(
              "« {{" + tag + "}} » inattendu dans le texte du formulaire");
        }
        return after;
      }
      if (tag.startsWith("#if ")) {
        boolean keep =
            out != null && Boolean.TRUE.equals(FormExpressions.evaluate(tag.substring(4), vars));
        i = block(t, after, vars, escape, keep ? out : null, "/if");
      } else if (tag.startsWith("#loop ")) {
        Object items = out == null ? null : FormExpressions.evaluate(tag.substring(6), vars);
        if (items instanceof List<?> list && !list.isEmpty()) {
          int end = after;
          for (Object item : list) {
            end = block(t, after, loopScope(vars, item), escape, out, "/loop");
          }
          i = end;
        } else {
          i = block(t, after, vars, escape, null, "/loop");
        }
      } else if (tag.startsWith("#")) {
        throw new FormExpressionException("« {{" + tag + "}} » n'est pas pris en charge");
      } else {
        if (out != null) {
          String value = FormExpressions.toText(FormExpressions.evaluate(tag, vars));
          out.append(escape ? Markdown.escape(value) : value);
        } else {
          FormExpressions.check(tag);
        }
        i = after;
      }
    }
    if (closing != null) {
      throw new FormExpressionException(
          "« {{" + closing + "}} » manquant dans le texte du formulaire");
    }
    return i;
  }

  private static Map<String, Object> loopScope(Map<String, ?> vars, Object item) {
    Map<String, Object> scope = new HashMap<>(vars);
    if (item instanceof Map<?, ?> map) {
      map.forEach((k, v) -> scope.put(String.valueOf(k), v));
    }
    scope.put("this", item);
    scope.put("parent", vars);
    return scope;
  }

  private static void append(StringBuilder out, String text) {
    if (out != null) {
      out.append(text);
    }
  }
}
