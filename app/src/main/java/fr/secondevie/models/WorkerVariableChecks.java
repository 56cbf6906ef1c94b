package fr.secondevie.models;

import static fr.secondevie.models.ModelChecker.error;
import static fr.secondevie.models.ModelChecker.idOf;

import fr.secondevie.models.ModelChecker.Problem;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.List;
import java.util.Map;

/**
 * Rule 10 of {@link ModelChecker}: a task of a known job type still gets every variable its workers
 * require ({@link WorkerVariables#required()}).
 *
 * <p>A variable may come from outside the model (the process start, a message, a worker returning a
 * map, a form), which no check of the file can see; so the rule only names what the uploaded model
 * itself breaks, with no false alarm on a variable whose source is unknown:
 *
 * <ul>
 *   <li>an input mapping of the task sets the variable to {@code =null}: the job gets null;
 *   <li>the bundled model of the same process provides the variable by itself ({@link
 *       ProcessVariables}: an output mapping, an input mapping of that task, a result variable, a
 *       worker's typed result…) and the uploaded one no longer does: a renamed or removed mapping,
 *       or a removed task whose worker wrote it.
 * </ul>
 */
final class WorkerVariableChecks {

  private WorkerVariableChecks() {}

  static void check(
      ProcessContract contract, String file, BpmnModelInstance model, List<Problem> problems) {
    Map<String, ProcessVariables> uploaded = ProcessVariables.of(model, contract.workerVariables());
    for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      WorkerVariables worker =
          definition.getType() == null
              ? null
              : contract.workerVariables().get(definition.getType());
      String process = ProcessVariables.processOf(definition);
      if (worker == null || process == null) {
        continue;
      }
      String task = idOf(definition);
      ProcessVariables now = uploaded.get(process);
      ProcessVariables bundled = contract.bundledVariables().get(process);
      for (String variable : worker.required()) {
        if (clearedByInput(model, task, variable)) {
          problems.add(
              error(
                  file,
                  task,
                  "une entrée de la tâche met à null la variable « "
                      + variable
                      + " » dont le worker de « "
                      + definition.getType()
                      + " » a besoin"));
          continue;
        }
        String before = bundled == null ? null : bundled.providerFor(task, variable);
        if (before != null && now.providerFor(task, variable) == null) {
          problems.add(
              error(
                  file,
                  task,
                  "la variable « "
                      + variable
                      + " » dont le worker de « "
                      + definition.getType()
                      + " » a besoin n'est plus fournie par le processus (le modèle livré la"
                      + " fournit par l'élément « "
                      + before
                      + " » : mapping renommé ou retiré ?)"));
        }
      }
    }
  }

  private static boolean clearedByInput(BpmnModelInstance model, String task, String variable) {
    for (ZeebeInput input : model.getModelElementsByType(ZeebeInput.class)) {
      if (task.equals(idOf(input))
          && variable.equals(input.getTarget())
          && input.getSource() != null
          && input.getSource().replace(" ", "").equals("=null")) {
        return true;
      }
    }
    return false;
  }
}
