package fr.secondevie.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Camunda form parses, is linked from a user task and feeds that task's output mappings. */
class FormsTest {

  private static final Set<String> KEYED =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "datetime",
          "taglist");
  private static final Set<String> SUPPORTED =
      union(KEYED, Set.of("text", "group", "dynamiclist", "separator", "spacer"));
  private static final Set<String> CHOICES = Set.of("radio", "select", "checklist");
  private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.\\w])([a-zA-Z_][a-zA-Z0-9_]*)(\\s*:)?");
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "if",
          "then",
          "else",
          "null",
          "true",
          "false",
          "and",
          "or",
          "not",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of");

  static Stream<Arguments> forms() {
    return Models.forms().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void shouldProvideOneFormPerUserTask() {
    // given
    Set<String> linked = new TreeSet<>();
    for (Models.ProcessUnderTest process : Models.PROCESSES) {
      process
          .model()
          .getModelElementsByType(ZeebeFormDefinition.class)
          .forEach(form -> linked.add(form.getFormId()));
    }

    // when
    Set<String> files = Models.forms().keySet();

    // then
    assertThat(files).isEqualTo(linked);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void shouldDeclareItsIdAndTargetCamunda88(String file, JsonNode form) {
    // when / then
    assertThat(form.path("id").asText()).isEqualTo(file);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("schemaVersion").isInt()).isTrue();
    assertThat(form.path("schemaVersion").asInt()).isBetween(16, 19);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("8.8.0");
    assertThat(form.path("components").isArray()).isTrue();
    assertThat(form.path("components")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void shouldUseUniqueKeysAndIds(String file, JsonNode form) {
    // given
    List<String> ids = new ArrayList<>();
    List<String> boundPaths = new ArrayList<>();

    // when
    walk(form.path("components"), "", ids, boundPaths);

    // then
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
    assertThat(boundPaths).isNotEmpty().doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void shouldLabelAndConstrainEveryField(String file, JsonNode form) {
    // given
    List<JsonNode> components = new ArrayList<>();
    flatten(form.path("components"), components);

    // when / then
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      assertThat(type).as("component type in %s", file).isIn(SUPPORTED);
      if (KEYED.contains(type)) {
        String key = component.path("key").asText();
        assertThat(key).as("key in %s", file).matches(KEY);
        String label =
            type.equals("datetime")
                ? component.path("dateLabel").asText()
                : component.path("label").asText();
        assertThat(label).as("label of %s in %s", key, file).isNotBlank();
      }
      if (CHOICES.contains(type)) {
        assertThat(component.path("values")).as("choices of %s", component).isNotEmpty();
        component
            .path("values")
            .forEach(
                value -> {
                  assertThat(value.path("label").asText()).isNotBlank();
                  assertThat(value.path("value").asText()).isNotBlank();
                });
      }
      if (type.equals("text")) {
        assertThat(component.path("text").asText()).isNotBlank();
      }
    }
    assertThat(components)
        .as("%s asks for at least one required value", file)
        .anyMatch(c -> c.path("validate").path("required").asBoolean(false));
  }

  @Test
  void shouldProvideEveryValueTheUserTasksMapOut() {
    for (Models.ProcessUnderTest process : Models.PROCESSES) {
      // given
      BpmnModelInstance model = process.model();
      Set<String> processVariables = process.constants("Variables");

      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formId = task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId();
        Set<String> formRoots = roots(Models.forms().get(formId));

        // when
        Set<String> referenced = new TreeSet<>();
        model.getModelElementsByType(ZeebeOutput.class).stream()
            .filter(
                output -> output.getParentElement().getParentElement().getParentElement() == task)
            .forEach(output -> referenced.addAll(identifiers(output.getSource())));

        // then
        assertThat(referenced)
            .as("%s maps out values of form %s", task.getId(), formId)
            .isNotEmpty()
            .allMatch(name -> formRoots.contains(name) || processVariables.contains(name));
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Collects component ids and the data path of every field ({@code group.path.key}). */
  private static void walk(
      JsonNode components, String prefix, List<String> ids, List<String> paths) {
    for (JsonNode component : components) {
      if (component.hasNonNull("id")) {
        ids.add(component.get("id").asText());
      }
      if (component.hasNonNull("key") && KEYED.contains(component.path("type").asText())) {
        paths.add(prefix + component.get("key").asText());
      }
      if (component.has("components")) {
        String nested =
            component.hasNonNull("path") ? prefix + component.get("path").asText() + "." : prefix;
        walk(component.get("components"), nested, ids, paths);
      }
    }
  }

  /** First segment of every field path: the variables a completed form sets. */
  private static Set<String> roots(JsonNode form) {
    List<String> paths = new ArrayList<>();
    walk(form.path("components"), "", new ArrayList<>(), paths);
    Set<String> roots = new HashSet<>();
    paths.forEach(path -> roots.add(path.split("\\.")[0]));
    return roots;
  }

  private static void flatten(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      into.add(component);
      if (component.has("components")) {
        flatten(component.get("components"), into);
      }
    }
  }

  /** Variable names a FEEL expression reads (context keys, paths and keywords removed). */
  private static Set<String> identifiers(String expression) {
    String withoutStrings = expression.substring(1).replaceAll("\"[^\"]*\"", "\"\"");
    Set<String> names = new TreeSet<>();
    Matcher matcher = IDENTIFIER.matcher(withoutStrings);
    while (matcher.find()) {
      if (matcher.group(2) == null && !FEEL_WORDS.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
