package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.util.Either;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Turns a BPMN resource into executable processes: parses it with {@code zeebe-bpmn-model}, runs
 * Zeebe's design-time validators, rejects the elements the engine does not run, and parses every
 * expression once. Errors are collected per element so that one deployment reports all of them.
 */
public final class BpmnTransformer {

  /** Job type of user tasks without {@code zeebe:userTask} (the deprecated job-based variant). */
  public static final String JOB_BASED_USER_TASK_TYPE = "io.camunda.zeebe:userTask";

  private final ExpressionLanguage expressions;

  public BpmnTransformer(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  /**
   * Returns the executable processes of the resource, or the errors as lines such as {@code "-
   * Element: task\n - ERROR: ..."}.
   */
  public Either<List<ExecutableProcess>> transform(byte[] resource) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      return Either.fail("- ERROR: Expected a BPMN 2.0 XML document but " + rootCause(e));
    }
    TransformErrors errors = new TransformErrors();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) -> {
              for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                  errors.add(element, result.getMessage());
                }
              }
            });
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        processes.add(new ProcessTransformer(process, errors, expressions).build());
      }
    }
    if (processes.isEmpty()) {
      errors.add(null, "Expected at least one executable process but found none");
    }
    return errors.isEmpty() ? Either.ok(processes) : Either.fail(errors.toString());
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return "it could not be parsed: " + cause.getMessage();
  }
}
