package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ListenerDefinition;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.processing.JobResult;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.UserTaskState.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * User task lifecycle transitions that wait for their task listeners (creating, assigning,
 * updating, completing): the transition is recorded, then one listener job at a time in model
 * order; each listener's corrections are applied to the task the next one sees; a denial drops the
 * transition and its corrections (the task stays as it was) and rejects the request that asked for
 * it; after the last listener the transition is applied with the corrections. The request that
 * started a transition is answered only then.
 */
public final class TaskListenerBehavior {

  /** The request waiting for a transition (transient: not part of the state). */
  public interface Waiter {
    void accepted();

    void denied(String reason);
  }

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;
  private final Map<Long, Waiter> waiters = new HashMap<>();

  TaskListenerBehavior(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /**
   * Starts a transition of the task if the user task has listeners for the event; returns whether
   * it waits for them (else the caller applies the transition at once).
   */
  public boolean begin(
      ElementInstance instance,
      long userTaskKey,
      String eventType,
      UserTaskValue target,
      Waiter waiter) {
    if (instance.element().listeners(eventType).isEmpty()) {
      return false;
    }
    ctx.write(
        userTaskKey,
        ValueType.USER_TASK,
        Intent.valueOf(eventType.toUpperCase(Locale.ROOT)),
        target);
    if (waiter != null) {
      waiters.put(userTaskKey, waiter);
    }
    next(instance, userTaskKey);
    return true;
  }

  /**
   * Writes the created task and activates its element. With assigning listeners, an assignee the
   * model sets is not written at creation: the task is then assigned to it through the assigning
   * listeners, as Camunda does.
   */
  public void created(ElementInstance instance, long userTaskKey, UserTaskValue task) {
    boolean assignLater =
        task.assignee() != null && !instance.element().listeners("assigning").isEmpty();
    ctx.write(
        userTaskKey,
        ValueType.USER_TASK,
        Intent.CREATED,
        assignLater ? task.withAssignee(null) : task);
    bpmn.lifecycle().activated(instance);
    if (assignLater) {
      begin(instance, userTaskKey, "assigning", task.withAction("assign"), null);
    }
  }

  /** A task listener job completed: applies its result and goes on with the next listener. */
  public void listenerCompleted(ElementInstance instance, long userTaskKey, JobResult result) {
    Transition transition = ctx.state().userTasks().transition(userTaskKey);
    if (transition == null) {
      return;
    }
    if (result.denied()) {
      ctx.write(userTaskKey, ValueType.USER_TASK, Intent.DENIED, transition.before());
      Waiter waiter = waiters.remove(userTaskKey);
      if (waiter != null) {
        String reason = deniedMessage(transition.eventType(), userTaskKey, result.deniedReason());
        ctx.afterCommand(() -> waiter.denied(reason));
      }
      return;
    }
    ctx.write(
        userTaskKey,
        ValueType.USER_TASK,
        Intent.CORRECTED,
        corrected(transition.target(), result.corrections()));
    next(instance, userTaskKey);
  }

  /**
   * Runs the transition waiting on this element again (an incident of a listener's type or retries
   * expression was resolved); returns whether there was one.
   */
  public boolean resume(ElementInstance instance) {
    if (instance.userTaskKey() < 0
        || ctx.state().userTasks().transition(instance.userTaskKey()) == null) {
      return false;
    }
    next(instance, instance.userTaskKey());
    return true;
  }

  /** The task is canceled with its element: a request waiting for a transition is rejected. */
  public void abandon(long userTaskKey) {
    Waiter waiter = waiters.remove(userTaskKey);
    if (waiter != null) {
      ctx.afterCommand(
          () ->
              waiter.denied(
                  "Expected the user task with key '"
                      + userTaskKey
                      + "' to stay active until its task listeners completed, but it was"
                      + " canceled"));
    }
  }

  /** Whether a transition of the task waits for its listeners. */
  public boolean pending(long userTaskKey) {
    return ctx.state().userTasks().transition(userTaskKey) != null;
  }

  private void next(ElementInstance instance, long userTaskKey) {
    Transition transition = ctx.state().userTasks().transition(userTaskKey);
    List<ListenerDefinition> listeners = instance.element().listeners(transition.eventType());
    JobValue.ListenerTask task =
        new JobValue.ListenerTask(
            userTaskKey, action(transition), changedAttributes(transition), transition.target());
    boolean waits =
        bpmn.listenerJobs()
            .awaitNext(
                instance,
                listeners,
                transition.listenersDone(),
                JobValue.TASK_LISTENER,
                transition.eventType().toUpperCase(Locale.ROOT),
                task);
    if (!waits) {
      finish(instance, userTaskKey, transition);
    }
  }

  private void finish(ElementInstance instance, long userTaskKey, Transition transition) {
    UserTaskValue task = transition.target().withAction(null);
    switch (transition.eventType()) {
      case "creating" -> {
        ctx.write(userTaskKey, ValueType.USER_TASK, Intent.CREATED, task);
        bpmn.lifecycle().activated(instance);
      }
      case "completing" -> {
        ctx.write(userTaskKey, ValueType.USER_TASK, Intent.COMPLETED, task);
        bpmn.variables().applyResult(instance, task.variables());
        bpmn.lifecycle().complete(instance);
      }
      default -> ctx.write(userTaskKey, ValueType.USER_TASK, Intent.UPDATED, task);
    }
    Waiter waiter = waiters.remove(userTaskKey);
    if (waiter != null) {
      ctx.afterCommand(waiter::accepted);
    }
  }

  private static String action(Transition transition) {
    String action = transition.target().action();
    if (action != null && !action.isEmpty()) {
      return action;
    }
    return switch (transition.eventType()) {
      case "assigning" -> "assign";
      case "updating" -> "update";
      case "completing" -> "complete";
      default -> "";
    };
  }

  /** The attributes the transition changes, corrections included (Camunda's names). */
  private static List<String> changedAttributes(Transition transition) {
    UserTaskValue before = transition.before();
    UserTaskValue after = transition.target();
    List<String> changed = new ArrayList<>();
    if (transition.eventType().equals("creating") || transition.eventType().equals("completing")) {
      return changed;
    }
    if (!Objects.equals(before.assignee(), after.assignee())) {
      changed.add("assignee");
    }
    if (!Objects.equals(before.candidateGroups(), after.candidateGroups())) {
      changed.add("candidateGroupsList");
    }
    if (!Objects.equals(before.candidateUsers(), after.candidateUsers())) {
      changed.add("candidateUsersList");
    }
    if (!Objects.equals(before.dueDate(), after.dueDate())) {
      changed.add("dueDate");
    }
    if (!Objects.equals(before.followUpDate(), after.followUpDate())) {
      changed.add("followUpDate");
    }
    if (before.priority() != after.priority()) {
      changed.add("priority");
    }
    return changed;
  }

  private static UserTaskValue corrected(UserTaskValue task, JobResult.Corrections corrections) {
    if (corrections == null) {
      return task;
    }
    UserTaskValue result = task;
    if (corrections.assignee() != null) {
      result =
          result.withAssignee(corrections.assignee().isEmpty() ? null : corrections.assignee());
    }
    return result.updated(
        corrections.candidateUsers() != null
            ? corrections.candidateUsers()
            : result.candidateUsers(),
        corrections.candidateGroups() != null
            ? corrections.candidateGroups()
            : result.candidateGroups(),
        corrections.dueDate() == null
            ? result.dueDate()
            : corrections.dueDate().isEmpty() ? null : corrections.dueDate(),
        corrections.followUpDate() == null
            ? result.followUpDate()
            : corrections.followUpDate().isEmpty() ? null : corrections.followUpDate(),
        corrections.priority() != null ? corrections.priority() : result.priority());
  }

  /** Camunda's rejection of a denied transition. */
  private static String deniedMessage(String eventType, long userTaskKey, String reason) {
    String what =
        switch (eventType) {
          case "assigning" -> "ASSIGN' rejected with code 'INVALID_STATE': Assignment";
          case "updating" -> "UPDATE' rejected with code 'INVALID_STATE': Update";
          default -> "COMPLETE' rejected with code 'INVALID_STATE': Completion";
        };
    return "Command '"
        + what
        + " of the User Task with key '"
        + userTaskKey
        + "' was denied by Task Listener. Reason to deny: '"
        + (reason == null ? "" : reason)
        + "'";
  }
}
