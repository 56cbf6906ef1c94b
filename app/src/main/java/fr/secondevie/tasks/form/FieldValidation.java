package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation of a field's value with form-js's rules (required, min and max, lengths, pattern,
 * e-mail and phone, decimals and increment of numbers) and French messages; bounds may be FEEL
 * expressions on the form's data.
 */
final class FieldValidation {

  private static final Logger LOG = LoggerFactory.getLogger(FieldValidation.class);
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
              + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
  private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9]\\d{6,19}$");

  private final FormExpressions expressions;
  private final String formId;

  FieldValidation(FormExpressions expressions, String formId) {
    this.expressions = expressions;
    this.formId = formId;
  }

  /** The French messages of what is wrong with a field's value (none when it is valid). */
  List<String> validate(FormComponent component, Object value, Map<String, ?> context) {
    List<String> messages = new ArrayList<>();
    JsonNode rules = component.validate();
    String type = component.type();
    Object v = FeelValues.normalize(value);
    if ("number".equals(type) && v != null) {
      BigDecimal number = v instanceof BigDecimal n ? n : parseOrNull(v.toString());
      if (number != null) {
        JsonNode digits = component.property("decimalDigits");
        if (digits != null && digits.isNumber() && digits.asInt() >= 0) {
          int allowed = digits.asInt();
          if (Math.max(0, number.stripTrailingZeros().scale()) > allowed) {
            messages.add(
                allowed == 0
                    ? "Saisissez un nombre entier."
                    : "Saisissez au plus "
                        + allowed
                        + (allowed > 1 ? " décimales." : " décimale."));
          }
        }
        BigDecimal increment = bound(component.property("increment"), context);
        if (increment != null && increment.signum() > 0) {
          BigDecimal offset = number.remainder(increment);
          if (offset.signum() != 0) {
            BigDecimal previous = number.subtract(offset);
            messages.add(
                "Choisissez une valeur par pas de "
                    + french(increment)
                    + " : les plus proches sont "
                    + french(previous)
                    + " et "
                    + french(previous.add(increment))
                    + ".");
          }
        }
      }
    }
    if (rules.isMissingNode() || !rules.isObject()) {
      return messages;
    }
    String text = v instanceof String s ? s : null;
    if (rules.hasNonNull("pattern") && text != null && !text.isEmpty()) {
      try {
        if (!Pattern.compile(rules.get("pattern").asText()).matcher(text).find()) {
          messages.add(
              component.description() != null
                  ? "Le format saisi n'est pas celui attendu (voir l'aide du champ)."
                  : "Le format saisi n'est pas celui attendu.");
        }
      } catch (PatternSyntaxException e) {
        LOG.warn("Pattern of {} in form {}: {}", component, formId, e.getMessage());
      }
    }
    if (rules.path("required").asBoolean(false)) {
      if ("checkbox".equals(type) && !Boolean.TRUE.equals(v)) {
        messages.add("Cochez cette case : elle est obligatoire.");
      } else if (v instanceof List<?> list && list.isEmpty()) {
        messages.add("Cochez au moins une option.");
      } else if (v == null || "".equals(v)) {
        messages.add(
            switch (type) {
              case "radio" -> "Choisissez une option.";
              case "select" -> "Choisissez une option dans la liste.";
              case "filepicker" -> "Joignez un fichier.";
              default -> "Ce champ est obligatoire.";
            });
      }
    }
    BigDecimal number = v instanceof BigDecimal n ? n : null;
    BigDecimal min = bound(rules.get("min"), context);
    if (min != null && number != null && number.compareTo(min) < 0) {
      messages.add("Saisissez une valeur supérieure ou égale à " + french(min) + ".");
    }
    BigDecimal max = bound(rules.get("max"), context);
    if (max != null && number != null && number.compareTo(max) > 0) {
      messages.add("Saisissez une valeur inférieure ou égale à " + french(max) + ".");
    }
    if (text != null && !text.isEmpty()) {
      int length = text.trim().codePointCount(0, text.trim().length());
      BigDecimal minLength = bound(rules.get("minLength"), context);
      if (minLength != null && length < minLength.intValue()) {
        messages.add(
            "Saisissez au moins "
                + minLength.intValue()
                + " caractères ("
                + length
                + " actuellement).");
      }
      BigDecimal maxLength = bound(rules.get("maxLength"), context);
      if (maxLength != null && length > maxLength.intValue()) {
        messages.add(
            "Saisissez au plus "
                + maxLength.intValue()
                + " caractères ("
                + length
                + " actuellement).");
      }
      String validationType = rules.path("validationType").asText("");
      if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
        messages.add("Saisissez une adresse électronique valide, par exemple prenom.nom@chu.fr.");
      }
      if ("phone".equals(validationType) && !PHONE.matcher(text).matches()) {
        messages.add(
            "Saisissez un numéro de téléphone international, sans espace, par exemple +33123456789.");
      }
    }
    return messages;
  }

  /** A numeric bound: a number, or a FEEL expression on the form's data; null if absent. */
  private BigDecimal bound(JsonNode node, Map<String, ?> context) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    String text = node.asText();
    if (text.startsWith("=")) {
      try {
        return expressions.evaluate(text.substring(1), context) instanceof BigDecimal n ? n : null;
      } catch (FormExpressionException e) {
        LOG.warn("Validation bound in form {}: {}", formId, e.getMessage());
        return null;
      }
    }
    return parseOrNull(text);
  }

  private static BigDecimal parseOrNull(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String french(BigDecimal number) {
    return FeelValues.plain(number).replace('.', ',');
  }
}
