package fr.secondevie.engine.processing;

import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.processing.bpmn.TaskListenerBehavior;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.UserTaskState;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Completes, assigns and updates Camunda user tasks (the completion variables are merged like a
 * job's); with task listeners for the event, the change waits for them ({@link
 * TaskListenerBehavior}).
 */
final class UserTaskProcessor {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  UserTaskProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /**
   * Completes the task; with completing listeners, the completion waits for them: the result is
   * then {@code true} and the waiter is told how it ended.
   */
  Result<Boolean> complete(
      long userTaskKey,
      Map<String, Object> variables,
      String action,
      TaskListenerBehavior.Waiter waiter) {
    UserTaskValue task = ctx.state().userTasks().get(userTaskKey);
    if (task == null) {
      return notFound("complete", userTaskKey);
    }
    ElementInstance instance = ctx.state().instances().get(task.elementInstanceKey());
    if (instance == null || !instance.isActive()) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to complete user task with key '" + userTaskKey + "', but it is not active");
    }
    Result<Boolean> pending = rejectIfPending("complete", userTaskKey);
    if (pending != null) {
      return pending;
    }
    UserTaskValue completed = task.withVariables(variables);
    if (bpmn.taskListeners()
        .begin(instance, userTaskKey, "completing", completed.withAction(action), waiter)) {
      return Result.ok(true);
    }
    ctx.write(userTaskKey, ValueType.USER_TASK, Intent.COMPLETED, completed);
    bpmn.variables().applyResult(instance, variables);
    bpmn.lifecycle().complete(instance);
    return Result.ok(false);
  }

  /** A task whose transition waits for its listeners takes no other one (INVALID_STATE). */
  private Result<Boolean> rejectIfPending(String action, long userTaskKey) {
    UserTaskState.Transition transition = ctx.state().userTasks().transition(userTaskKey);
    if (transition == null) {
      return null;
    }
    return Result.rejected(
        RejectionType.INVALID_STATE,
        "Expected to "
            + action
            + " user task with key '"
            + userTaskKey
            + "', but it is in state '"
            + transition.eventType().toUpperCase(java.util.Locale.ROOT)
            + "'");
  }

  /**
   * Assigns the task; with {@code allowOverride} false, a task assigned to someone else is rejected
   * (INVALID_STATE).
   */
  Result<Boolean> assign(
      long userTaskKey,
      String assignee,
      boolean allowOverride,
      String action,
      TaskListenerBehavior.Waiter waiter) {
    UserTaskValue task = ctx.state().userTasks().get(userTaskKey);
    if (task == null) {
      return notFound("assign", userTaskKey);
    }
    Result<Boolean> pending = rejectIfPending("assign", userTaskKey);
    if (pending != null) {
      return pending;
    }
    if (!allowOverride
        && task.assignee() != null
        && !task.assignee().isEmpty()
        && !Objects.equals(task.assignee(), assignee)) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to assign user task with key '"
              + userTaskKey
              + "', but it is already assigned to '"
              + task.assignee()
              + "' and overriding the assignee is not allowed");
    }
    ElementInstance instance = ctx.state().instances().get(task.elementInstanceKey());
    if (bpmn.taskListeners()
        .begin(
            instance,
            userTaskKey,
            "assigning",
            task.withAssignee(assignee).withAction(action),
            waiter)) {
      return Result.ok(true);
    }
    ctx.write(userTaskKey, ValueType.USER_TASK, Intent.UPDATED, task.withAssignee(assignee));
    return Result.ok(false);
  }

  Result<Void> unassign(long userTaskKey) {
    UserTaskValue task = ctx.state().userTasks().get(userTaskKey);
    if (task == null) {
      return notFound("unassign", userTaskKey);
    }
    ctx.write(userTaskKey, ValueType.USER_TASK, Intent.UPDATED, task.withAssignee(null));
    return Result.ok(null);
  }

  Result<Boolean> update(
      long userTaskKey, UserTaskUpdate changes, String action, TaskListenerBehavior.Waiter waiter) {
    UserTaskValue task = ctx.state().userTasks().get(userTaskKey);
    if (task == null) {
      return notFound("update", userTaskKey);
    }
    Result<Boolean> pending = rejectIfPending("update", userTaskKey);
    if (pending != null) {
      return pending;
    }
    if (changes.priority() != null && (changes.priority() < 0 || changes.priority() > 100)) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected priority to be a number between 0 and 100, but was " + changes.priority());
    }
    for (String date : new String[] {changes.dueDate(), changes.followUpDate()}) {
      if (date != null && !date.isEmpty()) {
        try {
          ZonedDateTime.parse(date);
        } catch (DateTimeParseException e) {
          return Result.rejected(
              RejectionType.INVALID_ARGUMENT,
              "Expected a date in ISO 8601 format with offset, but was '" + date + "'");
        }
      }
    }
    UserTaskValue updated =
        task.updated(
            changes.candidateUsers() != null ? changes.candidateUsers() : task.candidateUsers(),
            changes.candidateGroups() != null ? changes.candidateGroups() : task.candidateGroups(),
            changes.dueDate() == null
                ? task.dueDate()
                : changes.dueDate().isEmpty() ? null : changes.dueDate(),
            changes.followUpDate() == null
                ? task.followUpDate()
                : changes.followUpDate().isEmpty() ? null : changes.followUpDate(),
            changes.priority() != null ? changes.priority() : task.priority());
    ElementInstance instance = ctx.state().instances().get(task.elementInstanceKey());
    if (bpmn.taskListeners()
        .begin(instance, userTaskKey, "updating", updated.withAction(action), waiter)) {
      return Result.ok(true);
    }
    ctx.write(userTaskKey, ValueType.USER_TASK, Intent.UPDATED, updated);
    return Result.ok(false);
  }

  private static <T> Result<T> notFound(String action, long userTaskKey) {
    return Result.rejected(
        RejectionType.NOT_FOUND,
        "Expected to "
            + action
            + " user task with key '"
            + userTaskKey
            + "', but no such user task was found");
  }
}
