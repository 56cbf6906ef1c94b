package fr.secondevie.engine.processing;

import java.util.List;

/**
 * The result a worker completes a user task listener job with: whether it denies the transition
 * (and why), and its corrections of the task. A null correction keeps the attribute; an empty
 * string or list clears it.
 */
public record JobResult(boolean denied, String deniedReason, Corrections corrections) {

  /** No result: the transition goes on unchanged. */
  public static final JobResult NONE = new JobResult(false, null, null);

  /** Corrected task attributes ({@code null}: unchanged). */
  public record Corrections(
      String assignee,
      String dueDate,
      String followUpDate,
      List<String> candidateUsers,
      List<String> candidateGroups,
      Integer priority) {}
}
