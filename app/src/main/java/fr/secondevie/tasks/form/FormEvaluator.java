package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a form as form-js does on submit: the value of every keyed field (typed input, or the
 * variable's value for read-only and disabled fields), {@code conditional.hide} on the form's data,
 * validation of the visible enabled fields, and the completion variables (keyed fields that are
 * neither hidden nor disabled, at their data path).
 */
final class FormEvaluator {

  private static final Logger LOG = LoggerFactory.getLogger(FormEvaluator.class);
  private final FormKit kit;
  private final FieldValues values;
  private final Labels labels;
  private final FieldValidation validation;
  private final FormSchema schema;
  private final FormState state;
  private final Map<String, ?> variables;
  private final Uploads uploads;

  private final Map<String, Object> typed = new LinkedHashMap<>();
  private final Map<String, String> parseErrors = new HashMap<>();
  private final Map<String, Object> data;
  private final Set<String> hidden = new LinkedHashSet<>();
  private final List<FieldError> errors = new ArrayList<>();
  private final Map<String, Object> submit = new LinkedHashMap<>();

  private FormEvaluator(
      FormKit kit, FormSchema schema, FormState state, Map<String, ?> variables, Uploads uploads) {
    this.kit = kit;
    this.values = kit.values();
    this.labels = kit.labels();
    this.validation = new FieldValidation(kit.expressions(), schema.id());
    this.schema = schema;
    this.state = state;
    this.uploads = uploads == null ? Uploads.none() : uploads;
    this.variables = variables == null ? Map.of() : variables;
    this.data = Data.copyRoot(this.variables);
  }

  private FormOutcome outcome;

  /** Evaluates the form; the evaluator then answers the renderer's questions. */
  static FormEvaluator evaluate(
      FormKit kit, FormSchema schema, FormState state, Map<String, ?> variables) {
    return evaluate(kit, schema, state, variables, Uploads.none());
  }

  /** Evaluates the form with the files the request brought (already in the document store). */
  static FormEvaluator evaluate(
      FormKit kit, FormSchema schema, FormState state, Map<String, ?> variables, Uploads uploads) {
    FormEvaluator evaluator = new FormEvaluator(kit, schema, state, variables, uploads);
    evaluator.collect(schema.components(), Slot.root());
    evaluator.compute(schema.components(), Slot.root(), evaluator.rootScope());
    evaluator.check(schema.components(), Slot.root(), evaluator.rootScope(), false, null);
    evaluator.outcome =
        new FormOutcome(
            evaluator.submit,
            List.copyOf(evaluator.errors),
            Set.copyOf(evaluator.hidden),
            evaluator.data,
            evaluator.typed);
    return evaluator;
  }

  FormOutcome outcome() {
    return outcome;
  }

  /** The scope of the form's root, on its data. */
  FormScope rootScope() {
    return FormScope.root(data);
  }

  /** The scope of row {@code index} of a list, inside {@code parent}. */
  FormScope rowScope(FormScope parent, Slot row, int index) {
    return parent.row(Data.get(data, row.base()), index);
  }

  // (1) the value of every field instance, laid over the variables

  private void collect(List<FormComponent> components, Slot slot) {
    for (FormComponent component : components) {
      if (component.isGroup()) {
        collect(component.components(), slot.group(component));
      } else if (component.isList()) {
        List<Integer> rows = state.rows(slot.name(component));
        List<Object> list = new ArrayList<>();
        List<Object> source = slot.sourcePath(component);
        Object sourceList = source == null ? null : Data.get(variables, source);
        for (Integer row : rows) {
          Object original =
              row != null && sourceList instanceof List<?> l && row < l.size() ? l.get(row) : null;
          list.add(original instanceof Map<?, ?> ? Data.copy(original) : new LinkedHashMap<>());
        }
        Data.put(data, slot.path(component), list);
        for (int i = 0; i < rows.size(); i++) {
          collect(component.components(), slot.row(component, i, rows.get(i)));
        }
      } else if (component.isKeyed()) {
        Object value = value(component, slot);
        typed.put(slot.name(component), value);
        Data.put(data, slot.path(component), value);
      }
    }
  }

  // (1b) expression fields, computed on the data in the order of the form (form-js evaluates them
  // on each change, or just before submitting: both give their value on the data submitted)

  private void compute(List<FormComponent> components, Slot slot, FormScope scope) {
    for (FormComponent component : components) {
      if (component.isGroup()) {
        compute(component.components(), slot.group(component), scope);
      } else if (component.isList()) {
        List<Integer> rows = state.rows(slot.name(component));
        for (int i = 0; i < rows.size(); i++) {
          Slot row = slot.row(component, i, rows.get(i));
          compute(component.components(), row, rowScope(scope, row, i));
        }
      } else if (component.isExpression() && component.key() != null) {
        String expression = component.text("expression");
        Object value = null;
        if (expression != null && !expression.isBlank()) {
          try {
            value =
                kit.expressions()
                    .evaluate(
                        expression.startsWith("=") ? expression.substring(1) : expression,
                        scope.freshContext());
          } catch (FormExpressionException e) {
            LOG.warn("Expression {} in form {}: {}", component, schema.id(), e.getMessage());
            parseErrors.put(
                slot.name(component),
                "La valeur calculée de ce champ ne peut pas l'être ici ("
                    + e.getMessage()
                    + ") : terminez cette tâche dans Tasklist et prévenez le pilote du processus.");
          }
        }
        typed.put(slot.name(component), value);
        Data.put(data, slot.path(component), value);
      }
    }
  }

  private Object value(FormComponent component, Slot slot) {
    if (component.isFilePicker()) {
      return files(component, slot);
    }
    List<Option> options = options(component);
    List<String> raw = state.raw(slot.name(component));
    if (raw == null || readonly(component) || disabled(component)) {
      List<Object> source = slot.sourcePath(component);
      boolean present = source != null && Data.has(variables, source);
      return values.initial(
          component, present ? Data.get(variables, source) : null, present, options);
    }
    FieldValues.Parsed parsed = values.parse(component, raw, options);
    if (parsed.error() != null) {
      parseErrors.put(slot.name(component), parsed.error());
      return values.empty(component);
    }
    return parsed.value();
  }

  /**
   * A file picker's value: the references of its new files when the request brought some, else
   * those it kept (documents of the variable, or uploaded earlier for this task), else null; the
   * variable's value as it is when it is read-only or disabled, or before anything was sent.
   */
  private Object files(FormComponent component, Slot slot) {
    String name = slot.name(component);
    List<Object> source = slot.sourcePath(component);
    Object current =
        source != null && Data.has(variables, source) ? Data.get(variables, source) : null;
    List<String> kept = state.raw(name);
    if (kept == null || readonly(component) || disabled(component)) {
      List<Map<?, ?>> references = DocumentReferences.references(current);
      return references.isEmpty() ? null : Data.copy(new ArrayList<Object>(references));
    }
    String sent = state.sentName(name);
    if (uploads.refused().containsKey(sent)) {
      parseErrors.put(name, uploads.refused().get(sent));
    }
    List<Map<String, Object>> added = uploads.added().getOrDefault(sent, List.of());
    if (!added.isEmpty()) {
      return Data.copy(new ArrayList<Object>(added));
    }
    List<Object> references = new ArrayList<>();
    for (String id : kept) {
      if (id == null || id.isBlank()) {
        continue;
      }
      Object reference =
          DocumentReferences.references(current).stream()
              .filter(r -> id.equals(DocumentReferences.documentId(r)))
              .findFirst()
              .map(r -> (Object) r)
              .orElse(uploads.earlier().get(id));
      if (reference == null) {
        parseErrors.putIfAbsent(
            name, "Un fichier joint n'est plus disponible : joignez-le de nouveau.");
      } else {
        references.add(Data.copy(reference));
      }
    }
    return references.isEmpty() ? null : references;
  }

  List<Option> options(FormComponent component) {
    return switch (component.type()) {
      case "radio", "select", "checklist", "taglist" -> {
        try {
          yield kit.options().options(component, variables);
        } catch (FormExpressionException e) {
          LOG.warn("Options of {} in form {}: {}", component, schema.id(), e.getMessage());
          yield List.of();
        }
      }
      default -> List.of();
    };
  }

  boolean readonly(FormComponent component) {
    return flag(component, "readonly");
  }

  boolean disabled(FormComponent component) {
    return flag(component, "disabled");
  }

  private boolean flag(FormComponent component, String name) {
    JsonNode flag = component.property(name);
    if (flag == null || flag.isNull()) {
      return false;
    }
    if (flag.isTextual() && flag.asText().startsWith("=")) {
      try {
        return kit.expressions().isTrue(flag.asText().substring(1), variables);
      } catch (FormExpressionException e) {
        LOG.warn("{} of {} in form {}: {}", name, component, schema.id(), e.getMessage());
        return false;
      }
    }
    return flag.asBoolean(false);
  }

  // (2) conditions, validation and completion variables

  private void check(
      List<FormComponent> components,
      Slot slot,
      FormScope scope,
      boolean hiddenAbove,
      String where) {
    Map<String, Object> context = scope.context();
    for (FormComponent component : components) {
      boolean isHidden = hiddenAbove || hides(component, context);
      if (isHidden) {
        hidden.add(slot.htmlId(component));
      }
      if (component.isGroup()) {
        check(component.components(), slot.group(component), scope, isHidden, where);
      } else if (component.isList()) {
        List<Integer> rows = state.rows(slot.name(component));
        if (!isHidden && !disabled(component) && rows.isEmpty()) {
          // form-js submits nothing for a list without rows; we submit [] so that removing every
          // row (e.g. an asset without storage) replaces a prefilled list (README, Task inbox)
          Data.put(submit, slot.path(component), new ArrayList<>());
        }
        for (int i = 0; i < rows.size(); i++) {
          Slot row = slot.row(component, i, rows.get(i));
          String rowLabel = labels.label(component, context) + ", ligne " + (i + 1);
          check(component.components(), row, rowScope(scope, row, i), isHidden, rowLabel);
        }
      } else if (component.isKeyed()) {
        String name = slot.name(component);
        Object value = typed.get(name);
        if (isHidden || disabled(component)) {
          continue;
        }
        List<String> messages = new ArrayList<>();
        if (parseErrors.containsKey(name)) {
          messages.add(parseErrors.get(name));
        } else {
          messages.addAll(validation.validate(component, value, context));
        }
        if (!messages.isEmpty()) {
          errors.add(
              new FieldError(
                  inputId(component, slot),
                  located(labels.label(component, context), where),
                  String.join(" ", messages)));
        }
        Data.put(submit, slot.path(component), value);
      } else if (component.isUnsupportedKeyed() && !isHidden) {
        List<Object> source = slot.sourcePath(component);
        if (source != null && Data.has(variables, source)) {
          // kept as it is: the inbox cannot edit it, and must not lose it
          Data.put(submit, slot.path(component), Data.copy(Data.get(variables, source)));
        } else if (component.validate().path("required").asBoolean(false)) {
          errors.add(
              new FieldError(
                  slot.htmlId(component),
                  labels.label(component, context),
                  "Ce champ obligatoire est d'un type que la boîte de tâches ne sait pas saisir : terminez"
                      + " cette tâche dans Tasklist."));
        }
      }
    }
  }

  private static String located(String label, String where) {
    return where == null ? label : label + " (" + where + ")";
  }

  /** The id of the input an error links to: the field's (first) input. */
  static String inputId(FormComponent component, Slot slot) {
    String id = slot.htmlId(component);
    return switch (component.type()) {
      case "radio", "checklist", "taglist" -> id + "-0";
      default -> id;
    };
  }

  private boolean hides(FormComponent component, Map<String, ?> context) {
    String condition = component.hideCondition();
    if (condition == null) {
      return false;
    }
    String expression = condition.startsWith("=") ? condition.substring(1) : condition;
    try {
      return kit.expressions().isTrue(expression, context);
    } catch (FormExpressionException e) {
      // as form-js: a condition that cannot be evaluated does not hide
      LOG.warn("Condition of {} in form {}: {}", component, schema.id(), e.getMessage());
      return false;
    }
  }
}
