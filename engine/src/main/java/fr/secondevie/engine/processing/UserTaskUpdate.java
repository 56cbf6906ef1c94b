package fr.secondevie.engine.processing;

import java.util.List;

/**
 * The changeset of a user task update: a null attribute stays as it is; an empty date string or an
 * empty list clears the attribute.
 */
public record UserTaskUpdate(
    List<String> candidateUsers,
    List<String> candidateGroups,
    String dueDate,
    String followUpDate,
    Integer priority) {}
