package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}) with its assignment, schedule, priority, form and
 * headers. Absent attributes are {@code null}.
 */
public record UserTaskDefinition(
    Expression assignee,
    Expression candidateUsers,
    Expression candidateGroups,
    Expression dueDate,
    Expression followUpDate,
    Expression priority,
    String formId,
    String externalFormReference,
    Map<String, String> headers) {}
