package fr.secondevie.engine.state;

import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.DeploymentValue;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.record.ProcessValue;
import fr.secondevie.engine.record.Record;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** Deployed definitions by key and the latest version of each id. */
public final class DefinitionState {

  private final Map<Long, ExecutableProcess> processes = new HashMap<>();
  private final Map<String, ExecutableProcess> latestProcesses = new HashMap<>();
  private final Map<Long, Map<String, ExecutableProcess>> processesByDeployment = new HashMap<>();
  private final Map<Long, DecisionRequirementsValue> drgs = new HashMap<>();
  private final Map<String, DecisionRequirementsValue> latestDrgs = new HashMap<>();
  private final Map<Long, DecisionValue> decisions = new HashMap<>();
  private final Map<String, DecisionValue> latestDecisions = new HashMap<>();
  private final Map<Long, FormValue> forms = new HashMap<>();
  private final Map<String, FormValue> latestForms = new HashMap<>();

  public ExecutableProcess process(long key) {
    return processes.get(key);
  }

  public ExecutableProcess latestProcess(String bpmnProcessId) {
    return latestProcesses.get(bpmnProcessId);
  }

  public ExecutableProcess process(String bpmnProcessId, int version) {
    return processes.values().stream()
        .filter(p -> p.bpmnProcessId().equals(bpmnProcessId) && p.version() == version)
        .findFirst()
        .orElse(null);
  }

  /**
   * The version of a process that was part of the given deployment (new, or the unchanged latest
   * version of an identical resource), or {@code null}.
   */
  public ExecutableProcess processInDeployment(String bpmnProcessId, long deploymentKey) {
    Map<String, ExecutableProcess> deployed = processesByDeployment.get(deploymentKey);
    return deployed == null ? null : deployed.get(bpmnProcessId);
  }

  /** The latest version of a process carrying the version tag, or {@code null}. */
  public ExecutableProcess latestProcessWithVersionTag(String bpmnProcessId, String versionTag) {
    return processes.values().stream()
        .filter(p -> p.bpmnProcessId().equals(bpmnProcessId) && versionTag.equals(p.versionTag()))
        .max(Comparator.comparingInt(ExecutableProcess::version))
        .orElse(null);
  }

  public DecisionRequirementsValue decisionRequirements(long key) {
    return drgs.get(key);
  }

  public DecisionRequirementsValue latestDecisionRequirements(String id) {
    return latestDrgs.get(id);
  }

  public DecisionValue decision(long key) {
    return decisions.get(key);
  }

  public DecisionValue latestDecision(String decisionId) {
    return latestDecisions.get(decisionId);
  }

  /** The decision with this id in a given decision requirements graph. */
  public DecisionValue decisionIn(long decisionRequirementsKey, String decisionId) {
    return decisions.values().stream()
        .filter(
            d ->
                d.decisionRequirementsKey() == decisionRequirementsKey
                    && d.decisionId().equals(decisionId))
        .findFirst()
        .orElse(null);
  }

  public FormValue latestForm(String formId) {
    return latestForms.get(formId);
  }

  void apply(Record record) {
    switch (record.valueType()) {
      case DEPLOYMENT -> {
        Map<String, ExecutableProcess> deployed = new HashMap<>();
        for (ExecutableProcess process : ((DeploymentValue) record.value()).processes()) {
          deployed.put(process.bpmnProcessId(), process);
        }
        processesByDeployment.put(record.key(), deployed);
      }
      case PROCESS -> {
        ExecutableProcess process = ((ProcessValue) record.value()).process();
        processes.put(process.key(), process);
        latestProcesses.merge(
            process.bpmnProcessId(), process, (a, b) -> a.version() > b.version() ? a : b);
      }
      case DECISION_REQUIREMENTS -> {
        DecisionRequirementsValue drg = (DecisionRequirementsValue) record.value();
        drgs.put(drg.key(), drg);
        latestDrgs.merge(
            drg.decisionRequirementsId(), drg, (a, b) -> a.version() > b.version() ? a : b);
      }
      case DECISION -> {
        DecisionValue decision = (DecisionValue) record.value();
        decisions.put(decision.key(), decision);
        latestDecisions.merge(
            decision.decisionId(), decision, (a, b) -> a.version() > b.version() ? a : b);
      }
      case FORM -> {
        FormValue form = (FormValue) record.value();
        forms.put(form.key(), form);
        latestForms.merge(form.formId(), form, (a, b) -> a.version() > b.version() ? a : b);
      }
      default -> {}
    }
  }

  void clear() {
    processes.clear();
    latestProcesses.clear();
    processesByDeployment.clear();
    drgs.clear();
    latestDrgs.clear();
    decisions.clear();
    latestDecisions.clear();
    forms.clear();
    latestForms.clear();
  }
}
