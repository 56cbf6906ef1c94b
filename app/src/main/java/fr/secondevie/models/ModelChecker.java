package fr.secondevie.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Checks BPMN, DMN and form files against the {@link ProcessContract} and against what a Camunda 8
 * runtime accepts, and names every problem with its file and element id. Nothing here deploys.
 *
 * <p>Rules, each an error unless said otherwise:
 *
 * <ol>
 *   <li>the file is readable: BPMN by the Zeebe model parser (schema), DMN as XML with {@code
 *       definitions}, a form as JSON with an {@code id} whose every component (nested ones too) is
 *       of a type of Camunda 8.8's form palette; a file of another extension is refused;
 *   <li>the Zeebe design-time validation (the one a Camunda 8 runtime runs at deployment: supported
 *       elements, required extension attributes…): its errors, and its warnings as warnings;
 *   <li>every job type (service, send, script, business rule task or message throw event with a
 *       task definition) has a worker in the application; a job type given as an expression is a
 *       warning (it cannot be checked);
 *   <li>every user task's form id is a form bundled with the application or one of the files;
 *   <li>every message a catch event or receive task waits for is one the application publishes, and
 *       its correlation key is the one the application publishes with (a message start event has no
 *       key);
 *   <li>an error code caught but thrown neither by a worker nor by an error end event of the same
 *       file: warning;
 *   <li>every called decision id is known: a decision of the application or one of the files;
 *   <li>a DMN holding a decision of the application: it keeps every decision the application's DMN
 *       of the same id has, each such decision has every output the code reads, and reads no input
 *       the process does not map;
 *   <li>every literal timer (date, duration, cycle) is in a format the runtime parses.
 * </ol>
 */
public final class ModelChecker {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A file as uploaded: its name (with its extension) and its bytes. */
  public record ModelFile(String name, byte[] content) {}

  public enum Severity {
    ERROR,
    WARNING
  }

  /**
   * One problem.
   *
   * @param elementId the BPMN/DMN element id, the form id, or null for the whole file
   * @param message in French, for the process owner
   */
  public record Problem(Severity severity, String file, String elementId, String message) {

    boolean isError() {
      return severity == Severity.ERROR;
    }
  }

  private ModelChecker() {}

  /** Every problem of the files, errors first, in file order. */
  public static List<Problem> check(ProcessContract contract, List<ModelFile> files) {
    Set<String> forms = new TreeSet<>(contract.formIds());
    Set<String> decisions = new TreeSet<>(contract.decisions().keySet());
    List<Problem> problems = new ArrayList<>();
    List<ModelFile> bpmns = new ArrayList<>();
    for (ModelFile file : files) {
      String name = file.name() == null ? "" : file.name();
      if (name.endsWith(".form")) {
        String id = checkForm(file, problems);
        if (id != null) {
          forms.add(id);
        }
      } else if (name.endsWith(".dmn")) {
        decisions.addAll(checkDmn(contract, file, problems));
      } else if (name.endsWith(".bpmn")) {
        bpmns.add(file);
      } else {
        problems.add(
            error(name, null, "type de fichier non pris en charge (attendu : .bpmn, .dmn, .form)"));
      }
    }
    for (ModelFile file : bpmns) {
      checkBpmn(contract, file, forms, decisions, problems);
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(Problem::severity));
    return List.copyOf(sorted);
  }

  /** True when one of the problems stops a deployment. */
  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  private static String checkForm(ModelFile file, List<Problem> problems) {
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

  private static Set<String> checkDmn(
      ProcessContract contract, ModelFile file, List<Problem> problems) {
    DmnFile dmn;
    try {
      dmn = DmnFile.read(file.name(), file.content());
    } catch (IllegalStateException e) {
      problems.add(error(file.name(), null, "DMN illisible : " + rootMessage(e)));
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>(dmn.decisionIds());
    if (ids.isEmpty()) {
      problems.add(error(file.name(), dmn.id(), "aucune décision dans ce fichier DMN"));
    }
    contract
        .decisions()
        .forEach(
            (id, needed) -> {
              if (dmn.id().equals(needed.requirementsId()) && !ids.contains(id)) {
                problems.add(
                    error(
                        file.name(),
                        id,
                        "la décision « " + id + " » que l'application appelle a disparu"));
              }
            });
    for (DmnFile.Decision decision : dmn.decisions()) {
      ProcessContract.DecisionContract needed = contract.decisions().get(decision.id());
      if (needed == null) {
        continue;
      }
      Set<String> outputs = new TreeSet<>();
      decision.outputs().forEach(o -> outputs.add(o.text()));
      for (String output : needed.outputs()) {
        if (!outputs.contains(output)) {
          problems.add(
              error(
                  file.name(),
                  decision.id(),
                  "sortie « " + output + " » manquante : l'application la lit"));
        }
      }
      for (DmnFile.Column input : decision.inputs()) {
        if (!needed.inputs().contains(input.text())) {
          problems.add(
              error(
                  file.name(),
                  input.id(),
                  "entrée « "
                      + input.text()
                      + " » que le processus ne fournit pas (entrées fournies : "
                      + String.join(", ", needed.inputs())
                      + ")"));
        }
      }
    }
    return ids;
  }

  private static void checkBpmn(
      ProcessContract contract,
      ModelFile file,
      Set<String> forms,
      Set<String> decisions,
      List<Problem> problems) {
    String name = file.name();
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException e) {
      problems.add(error(name, null, "BPMN illisible : " + rootMessage(e)));
      return;
    }
    try {
      model
          .validate(ZeebeDesignTimeValidators.VALIDATORS)
          .getResults()
          .forEach(
              (element, results) -> {
                for (ValidationResult result : results) {
                  problems.add(
                      new Problem(
                          result.getType() == ValidationResultType.ERROR
                              ? Severity.ERROR
                              : Severity.WARNING,
                          name,
                          idOf(element),
                          "refusé par la validation Camunda 8 : " + result.getMessage()));
                }
              });
    } catch (RuntimeException e) {
      problems.add(error(name, null, "validation Camunda 8 impossible : " + rootMessage(e)));
    }
    for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      String type = task.getType();
      String owner = idOf(task);
      if (type == null || type.isBlank()) {
        continue;
      }
      if (type.startsWith("=")) {
        problems.add(
            warning(name, owner, "type de tâche calculé « " + type + " » : non vérifiable"));
      } else if (!contract.jobTypes().containsKey(type)) {
        problems.add(
            error(name, owner, "type de tâche « " + type + " » : aucun worker de l'application"));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      String formId = form == null ? null : form.getFormId();
      if (formId != null && !formId.isBlank() && !formId.startsWith("=")) {
        if (!forms.contains(formId)) {
          problems.add(
              error(
                  name,
                  task.getId(),
                  "formulaire « " + formId + " » introuvable (ni livré ni dans les fichiers)"));
        }
      }
    }
    checkMessages(contract, model, name, problems);
    checkErrors(contract, model, name, problems);
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
      if (called != null
          && called.getDecisionId() != null
          && !called.getDecisionId().startsWith("=")
          && !decisions.contains(called.getDecisionId())) {
        problems.add(
            error(
                name,
                task.getId(),
                "décision « " + called.getDecisionId() + " » inconnue de l'application"));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String owner = idOf(timer.getParentElement());
      checkTimer(name, owner, timer.getTimeDate(), TimerFormats::dateProblem, problems);
      checkTimer(name, owner, timer.getTimeDuration(), TimerFormats::durationProblem, problems);
      checkTimer(name, owner, timer.getTimeCycle(), TimerFormats::cycleProblem, problems);
    }
  }

  private static void checkMessages(
      ProcessContract contract, BpmnModelInstance model, String file, List<Problem> problems) {
    for (MessageEventDefinition definition :
        model.getModelElementsByType(MessageEventDefinition.class)) {
      if (definition.getParentElement() instanceof CatchEvent event) {
        checkMessage(
            contract,
            file,
            event.getId(),
            definition.getMessage(),
            event instanceof StartEvent,
            problems);
      }
    }
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      checkMessage(contract, file, task.getId(), task.getMessage(), false, problems);
    }
  }

  private static void checkMessage(
      ProcessContract contract,
      String file,
      String elementId,
      Message message,
      boolean start,
      List<Problem> problems) {
    if (message == null || message.getName() == null || message.getName().startsWith("=")) {
      return;
    }
    String expected = contract.messages().get(message.getName());
    if (expected == null) {
      problems.add(
          error(
              file,
              elementId,
              "message « "
                  + message.getName()
                  + " » : l'application ne publie aucun message de ce nom"));
      return;
    }
    if (start) {
      return;
    }
    ZeebeSubscription subscription =
        message.getExtensionElements() == null
            ? null
            : message
                .getExtensionElements()
                .getChildElementsByType(ZeebeSubscription.class)
                .stream()
                .findFirst()
                .orElse(null);
    String key = subscription == null ? null : subscription.getCorrelationKey();
    if (key == null || !expected.replace(" ", "").equals(key.replace(" ", ""))) {
      problems.add(
          error(
              file,
              elementId,
              "clé de corrélation « "
                  + (key == null ? "" : key)
                  + " » du message « "
                  + message.getName()
                  + " » : l'application publie avec « "
                  + expected
                  + " »"));
    }
  }

  private static void checkErrors(
      ProcessContract contract, BpmnModelInstance model, String file, List<Problem> problems) {
    Set<String> thrownByModel = new TreeSet<>();
    for (ErrorEventDefinition definition :
        model.getModelElementsByType(ErrorEventDefinition.class)) {
      if (definition.getParentElement() instanceof EndEvent
          || definition.getParentElement() instanceof ThrowEvent) {
        if (definition.getError() != null && definition.getError().getErrorCode() != null) {
          thrownByModel.add(definition.getError().getErrorCode());
        }
      }
    }
    for (ErrorEventDefinition definition :
        model.getModelElementsByType(ErrorEventDefinition.class)) {
      if (!(definition.getParentElement() instanceof CatchEvent event)
          || definition.getError() == null) {
        continue;
      }
      String code = definition.getError().getErrorCode();
      if (code != null
          && !code.startsWith("=")
          && !contract.errorCodes().contains(code)
          && !thrownByModel.contains(code)) {
        problems.add(
            warning(
                file,
                event.getId(),
                "erreur « " + code + " » capturée mais levée par aucun worker ni aucun événement"));
      }
    }
  }

  private static void checkTimer(
      String file,
      String elementId,
      BaseElement expression,
      Function<String, String> parse,
      List<Problem> problems) {
    if (expression == null) {
      return;
    }
    String value = expression.getTextContent() == null ? "" : expression.getTextContent().strip();
    if (value.startsWith("=")) {
      return;
    }
    String problem = value.isEmpty() ? "minuteur sans valeur" : parse.apply(value);
    if (problem != null) {
      problems.add(error(file, elementId, problem));
    }
  }

  /** The id of the element, or of its nearest parent with an id. */
  private static String idOf(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof BaseElement base && base.getId() != null && !base.getId().isBlank()) {
        return base.getId();
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static Problem error(String file, String elementId, String message) {
    return new Problem(Severity.ERROR, file, elementId, message);
  }

  private static Problem warning(String file, String elementId, String message) {
    return new Problem(Severity.WARNING, file, elementId, message);
  }
}
