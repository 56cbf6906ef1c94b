package fr.secondevie.models;

import fr.secondevie.models.ModelChecker.ModelFile;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.DecisionRequirements;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What uploaded files change compared with the version the runtime runs (its latest version of the
 * same process or decision requirements id, fetched through the Camunda client's REST API): BPMN
 * flow elements added or removed (by id and type, or whose type changed), DMN rules added, removed
 * or changed (by rule id, with their entries), form components added, removed or changed ({@link
 * FormChanges}).
 */
final class ModelChanges {

  private static final int MAX_VERSIONS = 1000;

  /**
   * One change.
   *
   * @param what « ajouté », « retiré », « modifié », or « nouveau » for a model the runtime does
   *     not have
   * @param detail the element type, or the rule's entries (before → after for a changed rule)
   */
  record Change(String file, String modelId, String what, String elementId, String detail) {}

  private ModelChanges() {}

  /**
   * @param runningForm the content of the running version of a form, by form id (the client's API
   *     has no search of forms by id)
   */
  static List<Change> of(
      CamundaClient client, List<ModelFile> files, Function<String, Optional<byte[]>> runningForm) {
    List<Change> changes = new ArrayList<>();
    for (ModelFile file : files) {
      if (file.name().endsWith(".bpmn")) {
        bpmn(client, file, changes);
      } else if (file.name().endsWith(".dmn")) {
        dmn(client, file, changes);
      } else if (file.name().endsWith(".form")) {
        form(file, runningForm, changes);
      }
    }
    return List.copyOf(changes);
  }

  private static void form(
      ModelFile file, Function<String, Optional<byte[]>> runningForm, List<Change> changes) {
    String id = FormChecks.formId(file.content());
    Optional<byte[]> running = runningForm.apply(id);
    if (running.isEmpty()) {
      changes.add(new Change(file.name(), id, "nouveau", null, "aucune version en cours"));
    } else {
      changes.addAll(FormChanges.diff(file.name(), id, running.get(), file.content()));
    }
  }

  private static void bpmn(CamundaClient client, ModelFile file, List<Change> changes) {
    BpmnModelInstance uploaded = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    for (Process process : uploaded.getModelElementsByType(Process.class)) {
      String id = process.getId();
      Optional<String> running = runningProcessXml(client, id);
      if (running.isEmpty()) {
        changes.add(new Change(file.name(), id, "nouveau", null, "aucune version en cours"));
        continue;
      }
      BpmnModelInstance current =
          Bpmn.readModelFromStream(
              new ByteArrayInputStream(running.get().getBytes(StandardCharsets.UTF_8)));
      Map<String, String> before = elements(current, id);
      Map<String, String> after = elements(uploaded, id);
      after.forEach(
          (elementId, type) -> {
            String old = before.get(elementId);
            if (old == null) {
              changes.add(new Change(file.name(), id, "ajouté", elementId, type));
            } else if (!old.equals(type)) {
              changes.add(new Change(file.name(), id, "modifié", elementId, old + " → " + type));
            }
          });
      before.forEach(
          (elementId, type) -> {
            if (!after.containsKey(elementId)) {
              changes.add(new Change(file.name(), id, "retiré", elementId, type));
            }
          });
    }
  }

  /** Every flow element of the process (nested ones included), id → BPMN type. */
  private static Map<String, String> elements(BpmnModelInstance model, String processId) {
    Map<String, String> elements = new LinkedHashMap<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (processOf(element).equals(processId)) {
        elements.put(element.getId(), element.getElementType().getTypeName());
      }
    }
    return elements;
  }

  private static String processOf(FlowElement element) {
    for (var e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e instanceof Process p) {
        return p.getId();
      }
    }
    return "";
  }

  private static void dmn(CamundaClient client, ModelFile file, List<Change> changes) {
    DmnFile uploaded = DmnFile.read(file.name(), file.content());
    Optional<String> running = runningDecisionsXml(client, uploaded.id());
    if (running.isEmpty()) {
      changes.add(
          new Change(file.name(), uploaded.id(), "nouveau", null, "aucune version en cours"));
      return;
    }
    DmnFile current = DmnFile.read(file.name(), running.get().getBytes(StandardCharsets.UTF_8));
    Map<String, DmnFile.Decision> before = new LinkedHashMap<>();
    current.decisions().forEach(d -> before.put(d.id(), d));
    for (DmnFile.Decision decision : uploaded.decisions()) {
      DmnFile.Decision old = before.remove(decision.id());
      if (old == null) {
        changes.add(new Change(file.name(), decision.id(), "ajouté", decision.id(), "décision"));
        continue;
      }
      Map<String, DmnFile.Rule> oldRules = new LinkedHashMap<>();
      old.rules().forEach(r -> oldRules.put(r.id(), r));
      for (DmnFile.Rule rule : decision.rules()) {
        DmnFile.Rule previous = oldRules.remove(rule.id());
        if (previous == null) {
          changes.add(new Change(file.name(), decision.id(), "ajouté", rule.id(), entries(rule)));
        } else if (!previous.equals(rule)) {
          changes.add(
              new Change(
                  file.name(),
                  decision.id(),
                  "modifié",
                  rule.id(),
                  entries(previous) + " → " + entries(rule)));
        }
      }
      oldRules
          .values()
          .forEach(
              r ->
                  changes.add(
                      new Change(file.name(), decision.id(), "retiré", r.id(), entries(r))));
    }
    before
        .keySet()
        .forEach(id -> changes.add(new Change(file.name(), id, "retiré", id, "décision")));
  }

  private static String entries(DmnFile.Rule rule) {
    return "["
        + String.join(" | ", rule.inputEntries())
        + "] ⇒ ["
        + String.join(" | ", rule.outputEntries())
        + "]";
  }

  /** The XML of the runtime's latest version of a process, if it has one. */
  static Optional<String> runningProcessXml(CamundaClient client, String processId) {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .page(p -> p.limit(MAX_VERSIONS))
        .send()
        .join()
        .items()
        .stream()
        .max(Comparator.comparingInt(ProcessDefinition::getVersion))
        .map(
            d ->
                client
                    .newProcessDefinitionGetXmlRequest(d.getProcessDefinitionKey())
                    .send()
                    .join());
  }

  /** The XML of the runtime's latest version of a DMN (decision requirements), if it has one. */
  static Optional<String> runningDecisionsXml(CamundaClient client, String requirementsId) {
    return client
        .newDecisionRequirementsSearchRequest()
        .filter(f -> f.decisionRequirementsId(requirementsId))
        .page(p -> p.limit(MAX_VERSIONS))
        .send()
        .join()
        .items()
        .stream()
        .max(Comparator.comparingInt(DecisionRequirements::getVersion))
        .map(
            d ->
                client
                    .newDecisionRequirementsGetXmlRequest(d.getDecisionRequirementsKey())
                    .send()
                    .join());
  }
}
