package fr.secondevie.models;

import static fr.secondevie.models.ModelChecker.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import java.util.List;
import java.util.Set;

/** The checks of a form file (rule 1 of {@link ModelChecker}): readable, with known components. */
final class FormChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormChecks() {}

  /** The id of a form already checked readable. */
  static String formId(byte[] content) {
    try {
      return JSON.readTree(content).path("id").asText("");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read a form already checked readable", e);
    }
  }

  /** The form's id, null when it has none or is unreadable. */
  static String checkForm(ModelFile file, List<Problem> problems) {
    try {
      JsonNode form = JSON.readTree(file.content());
      String id = form == null ? "" : form.path("id").asText("");
      if (id.isBlank()) {
        problems.add(error(file.name(), null, "formulaire sans identifiant (champ « id »)"));
        return null;
      }
      if (!form.path("components").isArray()) {
        problems.add(error(file.name(), id, "formulaire sans liste « components »"));
      } else {
        checkComponents(file.name(), id, form.path("components"), problems);
      }
      return id;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(
          error(
              file.name(),
              null,
              "formulaire illisible (JSON invalide) : " + e.getOriginalMessage()));
      return null;
    } catch (java.io.IOException e) {
      problems.add(error(file.name(), null, "formulaire illisible : " + e.getMessage()));
      return null;
    }
  }

  /**
   * The component types of Camunda 8.8's form palette (form-js 1.15 to 1.17, the versions Modeler
   * and Tasklist 8.8 use), every one of which the task inbox renders and submits.
   */
  static final Set<String> FORM_COMPONENT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "expression",
          "filepicker",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "text",
          "image",
          "table",
          "html",
          "documentPreview",
          "spacer",
          "separator",
          "group",
          "dynamiclist",
          "iframe",
          "button");

  /** Every component, nested ones too, is of a type the task inbox renders. */
  private static void checkComponents(
      String file, String formId, JsonNode components, List<Problem> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String componentId = component.path("id").asText("");
      String named = componentId.isEmpty() ? "sans identifiant" : "« " + componentId + " »";
      if (type.isEmpty()) {
        problems.add(error(file, formId, "composant " + named + " sans type (champ « type »)"));
      } else if (!FORM_COMPONENT_TYPES.contains(type)) {
        problems.add(
            error(
                file,
                formId,
                "composant "
                    + named
                    + " de type « "
                    + type
                    + " » inconnu : la boîte de tâches ne l'afficherait pas (types pris en charge :"
                    + " ceux de la palette de Camunda 8.8)"));
      }
      checkComponents(file, formId, component.path("components"), problems);
    }
  }
}
