package fr.secondevie.engine.rest;

import fr.secondevie.engine.model.ExecutableProcess;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The form linked to a process's none start event ({@code zeebe:formDefinition formId}), read once
 * per process definition from its BPMN resource.
 */
final class StartForms {

  private final Map<Long, Optional<String>> formIds = new ConcurrentHashMap<>();

  /** The linked form id of the process's start event, if any. */
  Optional<String> formId(ExecutableProcess process) {
    return formIds.computeIfAbsent(process.key(), key -> read(process));
  }

  private static Optional<String> read(ExecutableProcess process) {
    try {
      BpmnModelInstance model =
          Bpmn.readModelFromStream(new ByteArrayInputStream(process.resource()));
      Process element = model.getModelElementById(process.bpmnProcessId());
      if (element == null) {
        return Optional.empty();
      }
      for (StartEvent start : element.getChildElementsByType(StartEvent.class)) {
        if (!start.getEventDefinitions().isEmpty()) {
          continue;
        }
        ZeebeFormDefinition form = start.getSingleExtensionElement(ZeebeFormDefinition.class);
        if (form != null && form.getFormId() != null && !form.getFormId().isBlank()) {
          return Optional.of(form.getFormId());
        }
      }
    } catch (RuntimeException e) {
      // a resource the model API cannot read has no start form for us
    }
    return Optional.empty();
  }
}
