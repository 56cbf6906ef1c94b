package fr.secondevie.engine.processing;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.engine.dmn.ParsedDrg;
import fr.secondevie.engine.model.BpmnTransformer;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.DeploymentValue;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ProcessValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.DefinitionState;
import fr.secondevie.engine.util.Either;
import fr.secondevie.engine.util.JsonValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deploys BPMN, DMN and form resources atomically: every resource is parsed and checked first, and
 * one error rejects the whole deployment. A resource identical to the latest version of its
 * definition keeps that version and key; a changed one becomes version + 1.
 */
final class DeploymentProcessor {

  private static final String REJECTION =
      "Expected to deploy new resources, but encountered the following errors:\n";

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;
  private final BpmnTransformer transformer;

  DeploymentProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
    this.transformer = new BpmnTransformer(ctx.expressions());
  }

  Result<DeploymentResult> deploy(List<DeploymentResource> resources) {
    if (resources.isEmpty()) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected to deploy at least one resource, but none given");
    }
    StringBuilder errors = new StringBuilder();
    Map<DeploymentResource, List<ExecutableProcess>> bpmnResources = new LinkedHashMap<>();
    Map<DeploymentResource, ParsedDrg> dmnResources = new LinkedHashMap<>();
    Map<DeploymentResource, String> formResources = new LinkedHashMap<>();
    Map<String, String> processIds = new LinkedHashMap<>();
    Map<ExecutableProcess, Runnable> startEvents = new LinkedHashMap<>();
    for (DeploymentResource resource : resources) {
      String name = resource.name().toLowerCase(Locale.ROOT);
      if (name.endsWith(".bpmn") || name.endsWith(".xml")) {
        Either<List<ExecutableProcess>> processes = transformer.transform(resource.content());
        if (!processes.isOk()) {
          errors.append("'").append(resource.name()).append("':\n").append(processes.failure());
          continue;
        }
        for (ExecutableProcess process : processes.value()) {
          Either<Runnable> start =
              bpmn.subscriptions()
                  .prepareStartEvents(
                      process, ctx.state().definitions().latestProcess(process.bpmnProcessId()));
          if (start.isOk()) {
            startEvents.put(process, start.value());
          } else {
            errors.append(
                String.format(
                    "'%s': - Element: %s%n    - ERROR: %s%n",
                    resource.name(), process.bpmnProcessId(), start.failure()));
          }
          String other = processIds.put(process.bpmnProcessId(), resource.name());
          if (other != null) {
            errors.append(
                String.format(
                    "Expected the process id '%s' to be unique in the deployment, but it is in"
                        + " resources '%s' and '%s'%n",
                    process.bpmnProcessId(), other, resource.name()));
          }
        }
        bpmnResources.put(resource, processes.value());
      } else if (name.endsWith(".dmn")) {
        Either<ParsedDrg> drg = ctx.decisions().parse(resource.content());
        if (!drg.isOk()) {
          errors.append("'").append(resource.name()).append("': ").append(drg.failure());
          errors.append('\n');
          continue;
        }
        dmnResources.put(resource, drg.value());
      } else if (name.endsWith(".form")) {
        Either<String> formId = formId(resource.content());
        if (!formId.isOk()) {
          errors.append("'").append(resource.name()).append("': ").append(formId.failure());
          errors.append('\n');
          continue;
        }
        formResources.put(resource, formId.value());
      } else {
        errors.append(
            String.format(
                "'%s': Expected the resource to be a BPMN (.bpmn, .xml), DMN (.dmn) or form"
                    + " (.form) file, but its extension is not one of these%n",
                resource.name()));
      }
    }
    if (!errors.isEmpty()) {
      return Result.rejected(RejectionType.INVALID_ARGUMENT, REJECTION + errors);
    }
    return Result.ok(write(bpmnResources, dmnResources, formResources, startEvents));
  }

  private DeploymentResult write(
      Map<DeploymentResource, List<ExecutableProcess>> bpmnResources,
      Map<DeploymentResource, ParsedDrg> dmnResources,
      Map<DeploymentResource, String> formResources,
      Map<ExecutableProcess, Runnable> startEventsByProcess) {
    DefinitionState definitions = ctx.state().definitions();
    long deploymentKey = ctx.nextKey();
    List<ExecutableProcess> processes = new ArrayList<>();
    List<ExecutableProcess> newProcesses = new ArrayList<>();
    List<Runnable> startEvents = new ArrayList<>();
    bpmnResources.forEach(
        (resource, executables) -> {
          String checksum = checksum(resource.content());
          for (ExecutableProcess process : executables) {
            ExecutableProcess latest = definitions.latestProcess(process.bpmnProcessId());
            if (latest != null
                && latest.checksum().equals(checksum)
                && latest.resourceName().equals(resource.name())) {
              processes.add(latest);
              continue;
            }
            process.identify(
                ctx.nextKey(),
                latest == null ? 1 : latest.version() + 1,
                deploymentKey,
                resource.name(),
                resource.content(),
                checksum);
            processes.add(process);
            newProcesses.add(process);
            startEvents.add(startEventsByProcess.get(process));
          }
        });
    List<DecisionRequirementsValue> drgs = new ArrayList<>();
    List<DecisionValue> decisions = new ArrayList<>();
    List<DecisionRequirementsValue> newDrgs = new ArrayList<>();
    List<DecisionValue> newDecisions = new ArrayList<>();
    dmnResources.forEach(
        (resource, parsed) -> {
          String checksum = checksum(resource.content());
          DecisionRequirementsValue latest = definitions.latestDecisionRequirements(parsed.id());
          if (latest != null && latest.checksum().equals(checksum)) {
            drgs.add(latest);
            for (ParsedDrg.DecisionInfo info : parsed.decisions()) {
              decisions.add(definitions.decisionIn(latest.key(), info.id()));
            }
            return;
          }
          DecisionRequirementsValue drg =
              new DecisionRequirementsValue(
                  ctx.nextKey(),
                  parsed.id(),
                  parsed.name(),
                  latest == null ? 1 : latest.version() + 1,
                  resource.name(),
                  resource.content(),
                  checksum,
                  deploymentKey,
                  parsed);
          drgs.add(drg);
          newDrgs.add(drg);
          for (ParsedDrg.DecisionInfo info : parsed.decisions()) {
            DecisionValue previous = definitions.latestDecision(info.id());
            DecisionValue decision =
                new DecisionValue(
                    ctx.nextKey(),
                    info.id(),
                    info.name(),
                    previous == null ? 1 : previous.version() + 1,
                    info.type(),
                    parsed.id(),
                    drg.key(),
                    deploymentKey);
            decisions.add(decision);
            newDecisions.add(decision);
          }
        });
    List<FormValue> forms = new ArrayList<>();
    List<FormValue> newForms = new ArrayList<>();
    formResources.forEach(
        (resource, formId) -> {
          String checksum = checksum(resource.content());
          FormValue latest = definitions.latestForm(formId);
          if (latest != null && latest.checksum().equals(checksum)) {
            forms.add(latest);
            return;
          }
          FormValue form =
              new FormValue(
                  ctx.nextKey(),
                  formId,
                  latest == null ? 1 : latest.version() + 1,
                  resource.name(),
                  resource.content(),
                  checksum,
                  deploymentKey);
          forms.add(form);
          newForms.add(form);
        });

    for (ExecutableProcess process : newProcesses) {
      ctx.write(process.key(), ValueType.PROCESS, Intent.CREATED, new ProcessValue(process));
    }
    for (DecisionRequirementsValue drg : newDrgs) {
      ctx.write(drg.key(), ValueType.DECISION_REQUIREMENTS, Intent.CREATED, drg);
    }
    for (DecisionValue decision : newDecisions) {
      ctx.write(decision.key(), ValueType.DECISION, Intent.CREATED, decision);
    }
    for (FormValue form : newForms) {
      ctx.write(form.key(), ValueType.FORM, Intent.CREATED, form);
    }
    DeploymentValue deployment =
        new DeploymentValue(
            List.copyOf(processes), List.copyOf(drgs), List.copyOf(decisions), List.copyOf(forms));
    ctx.write(deploymentKey, ValueType.DEPLOYMENT, Intent.CREATED, deployment);
    startEvents.forEach(Runnable::run);
    return new DeploymentResult(deploymentKey, deployment);
  }

  private static Either<String> formId(byte[] content) {
    try {
      JsonNode form = JsonValues.mapper().readTree(new String(content, StandardCharsets.UTF_8));
      JsonNode id = form == null ? null : form.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        return Either.fail("Expected the form to have an 'id' but found none");
      }
      return Either.ok(id.asText());
    } catch (java.io.IOException e) {
      return Either.fail("Expected the form to be a JSON document but it could not be parsed");
    }
  }

  private static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected SHA-256 to be available", e);
    }
  }
}
