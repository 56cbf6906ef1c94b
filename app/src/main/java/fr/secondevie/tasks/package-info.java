/**
 * Task inbox: the user tasks of the processes, worked inside the application in both run modes.
 *
 * <p>Open tasks are listed, claimed, shown and completed only through the Camunda Java client's
 * REST API ({@link fr.secondevie.tasks.TaskRuntime}, implemented by {@code CamundaTaskRuntime}),
 * never through the engine, so the inbox works against the embedded engine and against a Camunda
 * cluster alike. A user may work a task when one of the task's candidate groups is one of the
 * user's roles, when the user is a candidate user, or when it is assigned to the user (the login is
 * the assignee).
 *
 * <p>Each task's Camunda form (subpackage {@code form}) is rendered as accessible server-side HTML
 * and validated on the server; the completion variables are built as form-js builds them.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Task inbox",
    allowedDependencies = {
      "campaigns :: api",
      "common :: api",
      "documents :: api",
      "inventory :: api",
      "processes :: api",
      "security :: api"
    })
package fr.secondevie.tasks;
