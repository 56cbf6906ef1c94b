package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * Candidate groups of the user tasks ({@code zeebe:assignmentDefinition candidateGroups}). They
 * carry the names of the application roles, so that the task inbox offers a task to the users
 * holding the role and Tasklist to the members of the group of the same name.
 */
@NamedInterface("api")
public final class CandidateGroups {

  /** DSI technicians: collection, wipe reports, media destruction, handover, pickup. */
  public static final String TECHNICIAN = "TECHNICIAN";

  /** Asset manager (process owner): inventory regularization, route arbitration, attestations. */
  public static final String ASSET_MANAGER = "ASSET_MANAGER";

  /** Director or delegate: approval of free transfers of public property. */
  public static final String DIRECTOR = "DIRECTOR";

  /** Buyers (purchasing committee): supplier referencing decisions. */
  public static final String BUYER = "BUYER";

  /** Evaluators of the suppliers' CSR evidence. */
  public static final String EVALUATOR = "EVALUATOR";

  /** Auditors: verification of the annual indicators before publication. */
  public static final String AUDITOR = "AUDITOR";

  private CandidateGroups() {}
}
