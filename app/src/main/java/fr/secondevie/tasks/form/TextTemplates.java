package fr.secondevie.tasks.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Templating of form texts, the subset of form-js's "feelers" our forms use: {@code {{expression}}}
 * inserts a value, {@code {{#if expression}}...{{/if}}} keeps its content when the expression is
 * true, {@code {{#loop expression}}...{{/loop}}} repeats its content for each item of a list (the
 * item's properties, {@code this} and {@code parent} are in scope, as feelers scopes them). A text
 * starting with {@code =} is one FEEL expression whose value is the text.
 *
 * <p>Inserted values can be escaped (for Markdown) so that a variable never adds markup.
 */
public final class TextTemplates {

  private final FormExpressions expressions;

  public TextTemplates(FormExpressions expressions) {
    this.expressions = expressions;
  }

  /** A plain-text label or description: {@code =expression} or templated text. */
  public String text(String template, Map<String, ?> variables) {
    return render(template, variables, UnaryOperator.identity());
  }

  /** The source of a Markdown text: inserted values are escaped. */
  public String markdown(String template, Map<String, ?> variables) {
    return render(template, variables, Markdown::escape);
  }

  /**
   * The source of an HTML component: inserted values are escaped as form-js escapes them ({@code &
   * < > " ' { } : ;} as character references), so that a variable never adds markup.
   */
  public String html(String template, Map<String, ?> variables) {
    return render(template, variables, TextTemplates::escapeHtml);
  }

  static String escapeHtml(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#039;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case ':' -> out.append("&#58;");
        case ';' -> out.append("&#59;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private String render(String template, Map<String, ?> variables, UnaryOperator<String> escape) {
    if (template == null) {
      return null;
    }
    if (template.startsWith("=")) {
      String value = FeelValues.toText(expressions.evaluate(template.substring(1), variables));
      return escape.apply(value);
    }
    if (!template.contains("{{")) {
      return template;
    }
    StringBuilder out = new StringBuilder();
    int end = block(template, 0, enhance(variables, null), escape, out, null);
    if (end != template.length()) {
      throw new FormExpressionException("balise de fin inattendue dans le texte du formulaire");
    }
    return out.toString();
  }

  /**
   * Renders from {@code from} up to the closing tag {@code closing} (or the end), appending to
   * {@code out} when it is not null; returns the index after the closing tag.
   */
  private int block(
      String t,
      int from,
      Map<String, ?> vars,
      UnaryOperator<String> escape,
      StringBuilder out,
      String closing) {
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
            out != null && Boolean.TRUE.equals(expressions.evaluate(tag.substring(4), vars));
        i = block(t, after, vars, escape, keep ? out : null, "/if");
      } else if (tag.startsWith("#loop ")) {
        Object items = out == null ? null : expressions.evaluate(tag.substring(6), vars);
        // as feelers: null is no item, a single value is one item
        List<?> list = items instanceof List<?> l ? l : items == null ? List.of() : List.of(items);
        if (!list.isEmpty()) {
          int end = after;
          for (Object item : list) {
            end = block(t, after, enhance(item, vars), escape, out, "/loop");
          }
          i = end;
        } else {
          i = block(t, after, vars, escape, null, "/loop");
        }
      } else if (tag.startsWith("#")) {
        throw new FormExpressionException("« {{" + tag + "}} » n'est pas pris en charge");
      } else {
        if (out != null) {
          String value = FeelValues.toText(expressions.evaluate(tag, vars));
          out.append(escape.apply(value));
        } else {
          expressions.check(tag);
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

  /**
   * The context feelers evaluates in: {@code this} and {@code parent}, the entries of the value
   * when it is a context (they win over those two names), then {@code _this_} and {@code _parent_}.
   * The whole template is evaluated in the form's context enhanced with no parent; a loop's body in
   * its item enhanced with the enclosing context as parent, so the form's data is reached there
   * through {@code parent}.
   */
  private static Map<String, Object> enhance(Object value, Map<String, ?> parent) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("this", value);
    scope.put("parent", parent);
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> scope.put(String.valueOf(k), v));
    }
    scope.put("_this_", value);
    scope.put("_parent_", parent);
    return scope;
  }

  private static void append(StringBuilder out, String text) {
    if (out != null) {
      out.append(text);
    }
  }
}
