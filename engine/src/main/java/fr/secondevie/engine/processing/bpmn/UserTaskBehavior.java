package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.Expression;
import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.UserTaskDefinition;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Camunda user task: evaluates assignment, schedule and priority on activation, binds the form
 * (latest version of its formId) and waits until the task is completed through the API. Without
 * {@code zeebe:userTask} it is the deprecated job-based user task.
 */
final class UserTaskBehavior extends ActivityBehavior {

  private static final int DEFAULT_PRIORITY = 50;

  UserTaskBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    if (instance.element().job() != null) {
      return prepareJob(instance);
    }
    Either<UserTaskValue> task = evaluate(instance, instance.element().userTask());
    if (!task.isOk()) {
      ErrorType type =
          task.failure().startsWith("Expected to find a form")
              ? ErrorType.FORM_NOT_FOUND
              : ErrorType.EXTRACT_VALUE_ERROR;
      bpmn.incidents().raise(instance, type, task.failure());
      return null;
    }
    return () -> {
      long key = bpmn.ctx().nextKey();
      if (!bpmn.taskListeners().begin(instance, key, "creating", task.value(), null)) {
        bpmn.taskListeners().created(instance, key, task.value());
      }
    };
  }

  private Either<UserTaskValue> evaluate(ElementInstance instance, UserTaskDefinition definition) {
    ExpressionLanguage feel = bpmn.ctx().expressions();
    VariableLookup variables = bpmn.ctx().state().variables().lookup(instance.key());
    Either<String> assignee = optionalString(feel, definition.assignee(), variables);
    Either<List<String>> users = optionalList(feel, definition.candidateUsers(), variables);
    Either<List<String>> groups = optionalList(feel, definition.candidateGroups(), variables);
    Either<String> dueDate = optionalDate(feel, definition.dueDate(), variables);
    Either<String> followUpDate = optionalDate(feel, definition.followUpDate(), variables);
    Either<Long> priority =
        definition.priority() == null
            ? Either.ok((long) DEFAULT_PRIORITY)
            : feel.evaluateLong(definition.priority(), variables);
    for (Either<?> result : List.of(assignee, users, groups, dueDate, followUpDate, priority)) {
      if (!result.isOk()) {
        return Either.fail(result.failure());
      }
    }
    if (priority.value() < 0 || priority.value() > 100) {
      return Either.fail(
          "Expected priority to be a number between 0 and 100, but was " + priority.value());
    }
    long formKey = -1;
    if (definition.formId() != null) {
      FormValue form = bpmn.ctx().state().definitions().latestForm(definition.formId());
      if (form == null) {
        return Either.fail(
            "Expected to find a form with id '"
                + definition.formId()
                + "', but no form with this id is found, at least a form with this id should be"
                + " available.");
      }
      formKey = form.key();
    }
    return Either.ok(
        new UserTaskValue(
            instance.key(),
            instance.element().id(),
            instance.element().name(),
            instance.processInstanceKey(),
            instance.value().processDefinitionKey(),
            instance.value().bpmnProcessId(),
            instance.value().version(),
            assignee.value(),
            users.value(),
            groups.value(),
            dueDate.value(),
            followUpDate.value(),
            priority.value().intValue(),
            formKey,
            definition.formId(),
            definition.externalFormReference(),
            definition.headers(),
            Map.of()));
  }

  private static Either<String> optionalString(
      ExpressionLanguage feel, Expression expression, VariableLookup variables) {
    if (expression == null) {
      return Either.ok(null);
    }
    return feel.evaluate(expression, variables)
        .flatMap(
            value ->
                value == null || value instanceof String
                    ? Either.ok((String) value)
                    : feel.evaluateString(expression, variables));
  }

  private static Either<List<String>> optionalList(
      ExpressionLanguage feel, Expression expression, VariableLookup variables) {
    return expression == null
        ? Either.ok(List.of())
        : feel.evaluateStringList(expression, variables);
  }

  private static Either<String> optionalDate(
      ExpressionLanguage feel, Expression expression, VariableLookup variables) {
    return optionalString(feel, expression, variables)
        .flatMap(
            text -> {
              if (text == null || text.isBlank()) {
                return Either.ok(null);
              }
              try {
                ZonedDateTime.parse(text);
                return Either.ok(text);
              } catch (DateTimeParseException e) {
                return Either.fail(
                    "Expected result of the expression '"
                        + expression.text()
                        + "' to be a valid date time string in ISO 8601 format, but was '"
                        + text
                        + "'");
              }
            });
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
    UserTaskValue task = bpmn.ctx().state().userTasks().get(instance.userTaskKey());
    if (task != null) {
      bpmn.ctx().write(instance.userTaskKey(), ValueType.USER_TASK, Intent.CANCELED, task);
      bpmn.taskListeners().abandon(instance.userTaskKey());
    }
  }
}
