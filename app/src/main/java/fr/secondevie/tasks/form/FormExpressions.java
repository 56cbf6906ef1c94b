package fr.secondevie.tasks.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small evaluator for the FEEL expressions Camunda forms carry ({@code conditional.hide}, {@code
 * {{...}}} templates, {@code =...} labels, validation bounds, options). It implements the subset
 * described in the README ("Task inbox"), with FEEL's semantics: missing variables and properties
 * are {@code null}, comparisons of values of different types give {@code null}, {@code and} /
 * {@code or} are three-valued, numbers are decimals.
 *
 * <p>The application does not embed the FEEL engine itself (decisions belong to the process
 * runtime); this evaluator only decides what a form shows and checks.
 */
public final class FormExpressions {

  private static final Map<String, Node> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 2_000;

  private FormExpressions() {}

  /** Parses an expression (without its leading {@code =}), or fails with a French message. */
  public static void check(String expression) {
    parse(expression);
  }

  /**
   * Evaluates an expression (without its leading {@code =}) against the given variables.
   *
   * @throws FormExpressionException when the expression is outside the supported subset
   */
  public static Object evaluate(String expression, Map<String, ?> variables) {
    return parse(expression).eval(new Scope(variables));
  }

  /** True only when the expression evaluates to {@code true} (null or an error is false). */
  public static boolean isTrue(String expression, Map<String, ?> variables) {
    return Boolean.TRUE.equals(evaluate(expression, variables));
  }

  /** The text of a value as a template shows it. */
  public static String toText(Object value) {
    Object v = normalize(value);
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal number) {
      return plain(number);
    }
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(toText(item)));
      return String.join(", ", items);
    }
    if (v instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      map.forEach((k, item) -> entries.add(k + ": " + toText(item)));
      return "{" + String.join(", ", entries) + "}";
    }
    return v.toString();
  }

  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static Node parse(String expression) {
    Node node = PARSED.get(expression);
    if (node == null) {
      node = new Parser(expression).parseAll();
      if (PARSED.size() < MAX_CACHED) {
        PARSED.put(expression, node);
      }
    }
    return node;
  }

  /** Numbers as BigDecimal, everything else as it is. */
  static Object normalize(Object value) {
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // evaluation

  private record Scope(Map<String, ?> variables) {
    boolean has(String name) {
      return variables != null && variables.containsKey(name);
    }

    Object get(String name) {
      return variables == null ? null : normalize(variables.get(name));
    }
  }

  private interface Node {
    Object eval(Scope scope);

    /** For {@code is defined(...)}: whether the value exists, even when it is null. */
    default boolean defined(Scope scope) {
      return eval(scope) != null;
    }
  }

  private record Literal(Object value) implements Node {
    @Override
    public Object eval(Scope scope) {
      return value;
    }
  }

  private record Name(String name) implements Node {
    @Override
    public Object eval(Scope scope) {
      return scope.get(name);
    }

    @Override
    public boolean defined(Scope scope) {
      return scope.has(name);
    }
  }

  private record Path(Node target, String property) implements Node {
    @Override
    public Object eval(Scope scope) {
      return property(target.eval(scope), property);
    }

    @Override
    public boolean defined(Scope scope) {
      Object value = target.eval(scope);
      return value instanceof Map<?, ?> map && map.containsKey(property);
    }

    private static Object property(Object value, String property) {
      if (value instanceof Map<?, ?> map) {
        return normalize(map.get(property));
      }
      if (value instanceof List<?> list) {
        List<Object> projected = new ArrayList<>();
        for (Object item : list) {
          projected.add(property(item, property));
        }
        return projected;
      }
      return null;
    }
  }

  private record Index(Node target, Node index) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object value = target.eval(scope);
      Object i = index.eval(scope);
      if (!(value instanceof List<?> list) || !(i instanceof BigDecimal number)) {
        return null;
      }
      int n;
      try {
        n = number.intValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
      int at = n > 0 ? n - 1 : list.size() + n;
      return n == 0 || at < 0 || at >= list.size() ? null : normalize(list.get(at));
    }
  }

  private record ListNode(List<Node> items) implements Node {
    @Override
    public Object eval(Scope scope) {
      List<Object> values = new ArrayList<>();
      items.forEach(item -> values.add(item.eval(scope)));
      return values;
    }
  }

  private record ContextNode(Map<String, Node> entries) implements Node {
    @Override
    public Object eval(Scope scope) {
      Map<String, Object> values = new LinkedHashMap<>();
      entries.forEach((k, v) -> values.put(k, v.eval(scope)));
      return values;
    }
  }

  private record If(Node condition, Node then, Node otherwise) implements Node {
    @Override
    public Object eval(Scope scope) {
      return Boolean.TRUE.equals(condition.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
    }
  }

  private record And(Node left, Node right) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object l = left.eval(scope);
      if (Boolean.FALSE.equals(l)) {
        return false;
      }
      Object r = right.eval(scope);
      if (Boolean.FALSE.equals(r)) {
        return false;
      }
      return Boolean.TRUE.equals(l) && Boolean.TRUE.equals(r) ? true : null;
    }
  }

  private record Or(Node left, Node right) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object l = left.eval(scope);
      if (Boolean.TRUE.equals(l)) {
        return true;
      }
      Object r = right.eval(scope);
      if (Boolean.TRUE.equals(r)) {
        return true;
      }
      return Boolean.FALSE.equals(l) && Boolean.FALSE.equals(r) ? false : null;
    }
  }

  private record Compare(String op, Node left, Node right) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object l = left.eval(scope);
      Object r = right.eval(scope);
      return switch (op) {
        case "=" -> equal(l, r);
        case "!=" -> not(equal(l, r));
        default -> order(op, l, r);
      };
    }
  }

  private record Between(Node value, Node low, Node high) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object v = value.eval(scope);
      return new And(
              new Literal(order(">=", v, low.eval(scope))),
              new Literal(order("<=", v, high.eval(scope))))
          .eval(scope);
    }
  }

  private record In(Node value, List<Node> candidates) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object v = value.eval(scope);
      List<Object> options = new ArrayList<>();
      for (Node candidate : candidates) {
        Object c = candidate.eval(scope);
        if (candidates.size() == 1 && c instanceof List<?> list) {
          list.forEach(item -> options.add(normalize(item)));
        } else {
          options.add(c);
        }
      }
      boolean unknown = false;
      for (Object option : options) {
        Object eq = equal(v, option);
        if (Boolean.TRUE.equals(eq)) {
          return true;
        }
        unknown |= eq == null;
      }
      return unknown ? null : false;
    }
  }

  private record Arithmetic(char op, Node left, Node right) implements Node {
    @Override
    public Object eval(Scope scope) {
      Object l = left.eval(scope);
      Object r = right.eval(scope);
      if (op == '+' && l instanceof String a && r instanceof String b) {
        return a + b;
      }
      if (!(l instanceof BigDecimal a) || !(r instanceof BigDecimal b)) {
        return null;
      }
      return switch (op) {
        case '+' -> a.add(b);
        case '-' -> a.subtract(b);
        case '*' -> a.multiply(b);
        default -> b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL128);
      };
    }
  }

  private record Negate(Node operand) implements Node {
    @Override
    public Object eval(Scope scope) {
      return operand.eval(scope) instanceof BigDecimal n ? n.negate() : null;
    }
  }

  private record Call(String function, List<Node> args) implements Node {
    @Override
    public Object eval(Scope scope) {
      if (function.equals("is defined")) {
        return args.get(0).defined(scope);
      }
      List<Object> values = new ArrayList<>();
      args.forEach(arg -> values.add(arg.eval(scope)));
      return Functions.call(function, values);
    }
  }

  static Object not(Object value) {
    return value instanceof Boolean b ? !b : null;
  }

  static Object equal(Object l, Object r) {
    l = normalize(l);
    r = normalize(r);
    if (l == null || r == null) {
      return l == null && r == null;
    }
    if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (l instanceof List<?> a && r instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        Object eq = equal(a.get(i), b.get(i));
        if (!Boolean.TRUE.equals(eq)) {
          return eq;
        }
      }
      return true;
    }
    if (l instanceof Map<?, ?> a && r instanceof Map<?, ?> b) {
      if (!a.keySet().equals(b.keySet())) {
        return false;
      }
      for (Object key : a.keySet()) {
        Object eq = equal(a.get(key), b.get(key));
        if (!Boolean.TRUE.equals(eq)) {
          return eq;
        }
      }
      return true;
    }
    if (l.getClass() != r.getClass()) {
      return null;
    }
    return l.equals(r);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object order(String op, Object l, Object r) {
    l = normalize(l);
    r = normalize(r);
    if (l == null || r == null || l.getClass() != r.getClass() || !(l instanceof Comparable)) {
      return null;
    }
    if (l instanceof Boolean) {
      return null;
    }
    int c = ((Comparable) l).compareTo(r);
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // built-in functions

  private static final class Functions {

    /** Function names, longest first, so that "string length" wins over "string". */
    static final List<String> NAMES =
        List.of(
            "list contains",
            "string length",
            "starts with",
            "ends with",
            "upper case",
            "lower case",
            "is defined",
            "get or else",
            "is empty",
            "contains",
            "not",
            "count",
            "sum",
            "min",
            "max",
            "abs",
            "string",
            "number");

    static Object call(String function, List<Object> a) {
      return switch (function) {
        case "not" -> arity(a, 1) ? not(a.get(0)) : null;
        case "list contains" -> {
          if (!arity(a, 2) || !(a.get(0) instanceof List<?> list)) {
            yield null;
          }
          for (Object item : list) {
            if (Boolean.TRUE.equals(equal(item, a.get(1)))) {
              yield true;
            }
          }
          yield false;
        }
        case "count" -> arity(a, 1) && a.get(0) instanceof List<?> l ? number(l.size()) : null;
        case "is empty" -> arity(a, 1) && a.get(0) instanceof List<?> l ? l.isEmpty() : null;
        case "sum", "min", "max" -> aggregate(function, a);
        case "abs" -> arity(a, 1) && a.get(0) instanceof BigDecimal n ? n.abs() : null;
        case "string length" ->
            arity(a, 1) && a.get(0) instanceof String s
                ? number(s.codePointCount(0, s.length()))
                : null;
        case "contains" -> strings(a) ? ((String) a.get(0)).contains((String) a.get(1)) : null;
        case "starts with" -> strings(a) ? ((String) a.get(0)).startsWith((String) a.get(1)) : null;
        case "ends with" -> strings(a) ? ((String) a.get(0)).endsWith((String) a.get(1)) : null;
        case "upper case" ->
            arity(a, 1) && a.get(0) instanceof String s
                ? s.toUpperCase(java.util.Locale.ROOT)
                : null;
        case "lower case" ->
            arity(a, 1) && a.get(0) instanceof String s
                ? s.toLowerCase(java.util.Locale.ROOT)
                : null;
        case "string" -> arity(a, 1) && a.get(0) != null ? toText(a.get(0)) : null;
        case "number" -> {
          if (!arity(a, 1) || !(a.get(0) instanceof String s)) {
            yield arity(a, 1) && a.get(0) instanceof BigDecimal ? a.get(0) : null;
          }
          try {
            yield new BigDecimal(s.trim());
          } catch (NumberFormatException e) {
            yield null;
          }
        }
        case "get or else" -> arity(a, 2) ? (a.get(0) != null ? a.get(0) : a.get(1)) : null;
        default -> throw new FormExpressionException("fonction inconnue : " + function);
      };
    }

    private static Object aggregate(String function, List<Object> a) {
      List<?> items = a.size() == 1 && a.get(0) instanceof List<?> l ? l : a;
      BigDecimal result = null;
      for (Object item : items) {
        if (!(normalize(item) instanceof BigDecimal n)) {
          return null;
        }
        if (result == null) {
          result = n;
        } else {
          result =
              switch (function) {
                case "sum" -> result.add(n);
                case "min" -> result.min(n);
                default -> result.max(n);
              };
        }
      }
      return result == null && function.equals("sum") ? BigDecimal.ZERO : result;
    }

    private static boolean arity(List<Object> a, int n) {
      return a.size() == n;
    }

    private static boolean strings(List<Object> a) {
      return a.size() == 2 && a.get(0) instanceof String && a.get(1) instanceof String;
    }

    private static BigDecimal number(int n) {
      return BigDecimal.valueOf(n);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // parsing

  private record Token(Kind kind, String text, int at) {}

  private enum Kind {
    NUMBER,
    STRING,
    NAME,
    SYMBOL,
    END
  }

  private static final class Parser {
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    Parser(String source) {
      this.source = Objects.requireNonNull(source);
      tokenize();
    }

    Node parseAll() {
      if (peek().kind == Kind.END) {
        throw error("expression vide");
      }
      Node node = expression();
      if (peek().kind != Kind.END) {
        throw error("« " + peek().text + " » inattendu");
      }
      return node;
    }

    private Node expression() {
      if (isName("if")) {
        next();
        Node condition = expression();
        expectName("then");
        Node then = expression();
        expectName("else");
        Node otherwise = expression();
        return new If(condition, then, otherwise);
      }
      for (String unsupported : List.of("for", "some", "every", "function")) {
        if (isName(unsupported)) {
          throw error("« " + unsupported + " » n'est pas pris en charge");
        }
      }
      return disjunction();
    }

    private Node disjunction() {
      Node left = conjunction();
      while (isName("or")) {
        next();
        left = new Or(left, conjunction());
      }
      return left;
    }

    private Node conjunction() {
      Node left = comparison();
      while (isName("and")) {
        next();
        left = new And(left, comparison());
      }
      return left;
    }

    private Node comparison() {
      Node left = additive();
      Token token = peek();
      if (token.kind == Kind.SYMBOL
          && List.of("=", "!=", "<", "<=", ">", ">=").contains(token.text)) {
        next();
        return new Compare(token.text, left, additive());
      }
      if (isName("between")) {
        next();
        Node low = additive();
        expectName("and");
        return new Between(left, low, additive());
      }
      if (isName("in")) {
        next();
        List<Node> candidates = new ArrayList<>();
        if (isSymbol("(")) {
          next();
          candidates.add(expression());
          while (isSymbol(",")) {
            next();
            candidates.add(expression());
          }
          expectSymbol(")");
        } else {
          candidates.add(additive());
        }
        return new In(left, candidates);
      }
      if (isName("instance")) {
        throw error("« instance of » n'est pas pris en charge");
      }
      return left;
    }

    private Node additive() {
      Node left = multiplicative();
      while (isSymbol("+") || isSymbol("-")) {
        char op = next().text.charAt(0);
        left = new Arithmetic(op, left, multiplicative());
      }
      return left;
    }

    private Node multiplicative() {
      Node left = unary();
      while (isSymbol("*") || isSymbol("/")) {
        char op = next().text.charAt(0);
        left = new Arithmetic(op, left, unary());
      }
      return left;
    }

    private Node unary() {
      if (isSymbol("-")) {
        next();
        return new Negate(unary());
      }
      return postfix(primary());
    }

    private Node postfix(Node node) {
      while (true) {
        if (isSymbol(".")) {
          next();
          Token name = next();
          if (name.kind != Kind.NAME) {
            throw error("nom attendu après « . »");
          }
          node = new Path(node, name.text);
        } else if (isSymbol("[")) {
          next();
          Node index = expression();
          expectSymbol("]");
          node = new Index(node, index);
        } else {
          return node;
        }
      }
    }

    private Node primary() {
      Token token = next();
      switch (token.kind) {
        case NUMBER:
          return new Literal(new BigDecimal(token.text));
        case STRING:
          return new Literal(token.text);
        case SYMBOL:
          if (token.text.equals("(")) {
            Node inner = expression();
            expectSymbol(")");
            return inner;
          }
          if (token.text.equals("[")) {
            List<Node> items = new ArrayList<>();
            if (!isSymbol("]")) {
              items.add(expression());
              while (isSymbol(",")) {
                next();
                items.add(expression());
              }
            }
            expectSymbol("]");
            return new ListNode(items);
          }
          if (token.text.equals("{")) {
            Map<String, Node> entries = new LinkedHashMap<>();
            if (!isSymbol("}")) {
              do {
                if (isSymbol(",")) {
                  next();
                }
                Token key = next();
                if (key.kind != Kind.NAME && key.kind != Kind.STRING) {
                  throw error("clé de contexte attendue");
                }
                expectSymbol(":");
                entries.put(key.text, expression());
              } while (isSymbol(","));
            }
            expectSymbol("}");
            return new ContextNode(entries);
          }
          throw error("« " + token.text + " » inattendu");
        case NAME:
          return name(token);
        default:
          throw error("fin d'expression inattendue");
      }
    }

    private Node name(Token first) {
      switch (first.text) {
        case "true":
          return new Literal(true);
        case "false":
          return new Literal(false);
        case "null":
          return new Literal(null);
        default:
          break;
      }
      // function names may contain spaces ("list contains"): try the longest known one
      for (String function : Functions.NAMES) {
        String[] words = function.split(" ");
        if (!words[0].equals(first.text)) {
          continue;
        }
        boolean matches = true;
        for (int i = 1; i < words.length; i++) {
          Token t = peek(i - 1);
          if (t.kind != Kind.NAME || !t.text.equals(words[i])) {
            matches = false;
            break;
          }
        }
        Token after = peek(words.length - 1);
        if (matches && after.kind == Kind.SYMBOL && after.text.equals("(")) {
          position += words.length - 1;
          next();
          List<Node> args = new ArrayList<>();
          if (!isSymbol(")")) {
            args.add(expression());
            while (isSymbol(",")) {
              next();
              args.add(expression());
            }
          }
          expectSymbol(")");
          if (function.equals("is defined") && args.size() != 1) {
            throw error("is defined() prend un argument");
          }
          return new Call(function, args);
        }
      }
      if (isSymbol("(")) {
        throw error("fonction non prise en charge : " + first.text + "()");
      }
      return new Name(first.text);
    }

    private Token peek() {
      return tokens.get(position);
    }

    private Token peek(int ahead) {
      return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
      Token token = tokens.get(position);
      if (token.kind != Kind.END) {
        position++;
      }
      return token;
    }

    private boolean isName(String name) {
      Token t = peek();
      return t.kind == Kind.NAME && t.text.equals(name);
    }

    private boolean isSymbol(String symbol) {
      Token t = peek();
      return t.kind == Kind.SYMBOL && t.text.equals(symbol);
    }

    private void expectName(String name) {
      if (!isName(name)) {
        throw error("« " + name + " » attendu");
      }
      next();
    }

    private void expectSymbol(String symbol) {
      if (!isSymbol(symbol)) {
        throw error("« " + symbol + " » attendu");
      }
      next();
    }

    private FormExpressionException error(String message) {
      return new FormExpressionException(
          message + " (position " + (peek().at + 1) + " de « " + source + " »)");
    }

    private void tokenize() {
      int i = 0;
      int n = source.length();
      while (i < n) {
        char c = source.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (Character.isDigit(c)
            || (c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
          int start = i;
          while (i < n && Character.isDigit(source.charAt(i))) {
            i++;
          }
          if (i + 1 < n && source.charAt(i) == '.' && Character.isDigit(source.charAt(i + 1))) {
            i++;
            while (i < n && Character.isDigit(source.charAt(i))) {
              i++;
            }
          }
          tokens.add(new Token(Kind.NUMBER, source.substring(start, i), start));
        } else if (c == '"') {
          int start = i++;
          StringBuilder text = new StringBuilder();
          while (i < n && source.charAt(i) != '"') {
            char ch = source.charAt(i++);
            if (ch == '\\' && i < n) {
              char esc = source.charAt(i++);
              switch (esc) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'u' -> {
                  if (i + 4 > n) {
                    throw new FormExpressionException(
                        "échappement \\u incomplet dans « " + source + " »");
                  }
                  text.append((char) Integer.parseInt(source.substring(i, i + 4), 16));
                  i += 4;
                }
                default -> text.append(esc);
              }
            } else {
              text.append(ch);
            }
          }
          if (i >= n) {
            throw new FormExpressionException("chaîne non terminée dans « " + source + " »");
          }
          i++;
          tokens.add(new Token(Kind.STRING, text.toString(), start));
        } else if (c == '`') {
          int start = i++;
          int end = source.indexOf('`', i);
          if (end < 0) {
            throw new FormExpressionException(
                "nom entre « ` » non terminé dans « " + source + " »");
          }
          tokens.add(new Token(Kind.NAME, source.substring(i, end), start));
          i = end + 1;
        } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '?') {
          int start = i;
          while (i < n
              && (Character.isLetterOrDigit(source.charAt(i))
                  || source.charAt(i) == '_'
                  || source.charAt(i) == '$'
                  || source.charAt(i) == '?')) {
            i++;
          }
          tokens.add(new Token(Kind.NAME, source.substring(start, i), start));
        } else {
          String two = i + 1 < n ? source.substring(i, i + 2) : "";
          if (List.of("!=", "<=", ">=", "..").contains(two)) {
            if (two.equals("..")) {
              throw new FormExpressionException(
                  "intervalles non pris en charge dans « " + source + " »");
            }
            tokens.add(new Token(Kind.SYMBOL, two, i));
            i += 2;
          } else if ("=<>+-*/()[]{},.:".indexOf(c) >= 0) {
            tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
            i++;
          } else {
            throw new FormExpressionException(
                "caractère « " + c + " » inattendu dans « " + source + " »");
          }
        }
      }
      tokens.add(new Token(Kind.END, "", n));
    }
  }
}
