package fr.secondevie.models;

import static fr.secondevie.models.ModelChecker.error;
import static fr.secondevie.models.ModelChecker.idOf;
import static fr.secondevie.models.ModelChecker.rootMessage;
import static fr.secondevie.models.ModelChecker.warning;

import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import fr.secondevie.models.ModelChecker.Severity;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/** The checks of a BPMN file (rules 1 to 7, 9 and 10 of {@link ModelChecker}). */
final class BpmnChecks {

  private BpmnChecks() {}

  static void checkBpmn(
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
    WorkerVariableChecks.check(contract, name, model, problems);
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

  static void checkMessages(
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

  static void checkMessage(
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

  static void checkErrors(
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

  static void checkTimer(
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
}
