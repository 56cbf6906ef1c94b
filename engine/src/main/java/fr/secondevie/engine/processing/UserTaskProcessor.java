package fr.secondevie.engine.processing;

import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import java.util.Map;

/** Completes Camunda user tasks; the completion variables are merged like a job's. */
final class UserTaskProcessor {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  UserTaskProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  Result<Void> complete(long userTaskKey, Map<String, Object> variables) {
    UserTaskValue task = ctx.state().userTasks().get(userTaskKey);
    if (task == null) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          "Expected to complete user task with key '"
              + userTaskKey
              + "', but no such user task was found");
    }
    ElementInstance instance = ctx.state().instances().get(task.elementInstanceKey());
    if (instance == null || !instance.isActive()) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to complete user task with key '" + userTaskKey + "', but it is not active");
    }
    ctx.write(userTaskKey, ValueType.USER_TASK, Intent.COMPLETED, task.withVariables(variables));
    bpmn.variables().applyResult(instance, variables);
    bpmn.lifecycle().complete(instance);
    return Result.ok(null);
  }
}
