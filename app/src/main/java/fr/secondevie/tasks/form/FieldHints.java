package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** The expected format of a field, said next to it (RGAA 11.10), from its static rules. */
final class FieldHints {

  private FieldHints() {}

  static int decimals(FormComponent component) {
    JsonNode digits = component.property("decimalDigits");
    return digits != null && digits.isNumber() ? digits.asInt() : -1;
  }

  /** The expected format, said next to the field (RGAA 11.10). */
  static String hint(FormComponent component, String kind) {
    JsonNode rules = component.validate();
    switch (kind) {
      case "number":
        {
          int decimals = decimals(component);
          StringBuilder hint =
              new StringBuilder(
                  decimals == 0
                      ? "Nombre entier"
                      : decimals > 0
                          ? "Nombre, "
                              + decimals
                              + (decimals > 1 ? " décimales" : " décimale")
                              + " au plus"
                          : "Nombre");
          BigDecimal min = staticNumber(rules.get("min"));
          BigDecimal max = staticNumber(rules.get("max"));
          if (min != null && max != null) {
            hint.append(", de ")
                .append(FieldValidation.french(min))
                .append(" à ")
                .append(FieldValidation.french(max));
          } else if (min != null) {
            hint.append(", au moins ").append(FieldValidation.french(min));
          } else if (max != null) {
            hint.append(", au plus ").append(FieldValidation.french(max));
          }
          return hint.append('.').toString();
        }
      case "date":
        return "Format : jj/mm/aaaa.";
      case "time":
        return "Format : hh:mm.";
      case "textfield":
      case "textarea":
        {
          BigDecimal minLength = staticNumber(rules.get("minLength"));
          BigDecimal maxLength = staticNumber(rules.get("maxLength"));
          String email =
              "email".equals(rules.path("validationType").asText())
                  ? "Adresse électronique, par exemple prenom.nom@chu.fr. "
                  : "phone".equals(rules.path("validationType").asText())
                      ? "Numéro international, par exemple +33123456789. "
                      : "";
          if (minLength != null && maxLength != null) {
            return email
                + "De "
                + minLength.intValue()
                + " à "
                + maxLength.intValue()
                + " caractères.";
          }
          if (minLength != null) {
            return email + "Au moins " + minLength.intValue() + " caractères.";
          }
          if (maxLength != null) {
            return email + maxLength.intValue() + " caractères au plus.";
          }
          return email.isEmpty() ? null : email.trim();
        }
      default:
        return null;
    }
  }

  private static BigDecimal staticNumber(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }
}
