package fr.secondevie.models;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The variables a process model provides by itself, with the element that provides each: the
 * targets of its output mappings and of its sub-processes' input mappings, the result variables of
 * its business rule and script tasks, the elements and output collections of its multi-instance
 * loops, and what the workers of its tasks are known to write ({@link WorkerVariables#written()}).
 * The input mappings of a task only reach that task's job, so they are kept per task. What comes
 * from outside the model (the variables of the process start, of a message, of a worker returning a
 * map, of a form without output mapping) is not here.
 *
 * @param provided variable → the id of the first element providing it
 * @param taskInputs task id → the targets of its input mappings
 */
public record ProcessVariables(Map<String, String> provided, Map<String, Set<String>> taskInputs) {

  public ProcessVariables {
    provided = Collections.unmodifiableMap(new TreeMap<>(provided));
    taskInputs = Collections.unmodifiableMap(new TreeMap<>(taskInputs));
  }

  /** The element providing the variable to the task's job, or null when the model does not. */
  String providerFor(String taskId, String variable) {
    if (taskInputs.getOrDefault(taskId, Set.of()).contains(variable)) {
      return taskId;
    }
    return provided.get(variable);
  }

  /** What each process of the model provides, by process id. */
  static Map<String, ProcessVariables> of(
      BpmnModelInstance model, Map<String, WorkerVariables> workers) {
    Map<String, Map<String, String>> provided = new HashMap<>();
    Map<String, Map<String, Set<String>>> inputs = new HashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      provided.put(process.getId(), new TreeMap<>());
      inputs.put(process.getId(), new TreeMap<>());
    }
    for (ZeebeOutput output : model.getModelElementsByType(ZeebeOutput.class)) {
      add(provided, output, output.getTarget());
    }
    for (ZeebeInput input : model.getModelElementsByType(ZeebeInput.class)) {
      ModelElementInstance owner = owner(input);
      if (owner instanceof SubProcess) {
        add(provided, input, input.getTarget());
      } else if (input.getTarget() != null && processOf(input) != null) {
        inputs
            .get(processOf(input))
            .computeIfAbsent(ModelChecker.idOf(input), k -> new TreeSet<>())
            .add(input.getTarget());
      }
    }
    for (ZeebeCalledDecision decision : model.getModelElementsByType(ZeebeCalledDecision.class)) {
      add(provided, decision, decision.getResultVariable());
    }
    for (ZeebeScript script : model.getModelElementsByType(ZeebeScript.class)) {
      add(provided, script, script.getResultVariable());
    }
    for (ZeebeLoopCharacteristics loop :
        model.getModelElementsByType(ZeebeLoopCharacteristics.class)) {
      add(provided, loop, loop.getInputElement());
      add(provided, loop, loop.getOutputCollection());
    }
    for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      WorkerVariables worker = task.getType() == null ? null : workers.get(task.getType());
      if (worker != null) {
        worker.written().forEach(variable -> add(provided, task, variable));
      }
    }
    Map<String, ProcessVariables> variables = new TreeMap<>();
    provided.forEach((id, names) -> variables.put(id, new ProcessVariables(names, inputs.get(id))));
    return variables;
  }

  private static void add(
      Map<String, Map<String, String>> provided, ModelElementInstance element, String variable) {
    String process = processOf(element);
    if (variable != null && !variable.isBlank() && process != null) {
      provided.get(process).putIfAbsent(variable.strip(), ModelChecker.idOf(element));
    }
  }

  /** The flow element an extension element belongs to. */
  private static ModelElementInstance owner(ModelElementInstance extension) {
    ModelElementInstance e = extension.getParentElement();
    while (e != null && !(e instanceof io.camunda.zeebe.model.bpmn.instance.FlowElement)) {
      e = e.getParentElement();
    }
    return e;
  }

  static String processOf(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof Process process) {
        return process.getId();
      }
    }
    return null;
  }
}
