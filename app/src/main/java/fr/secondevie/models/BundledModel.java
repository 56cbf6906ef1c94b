package fr.secondevie.models;

import java.util.List;

/**
 * One file under {@code models/} of the application jar.
 *
 * @param kind process, decision requirements or form
 * @param id the process id, the decision requirements id (the DMN {@code definitions} id) or the
 *     form id
 * @param versionTag the {@code zeebe:versionTag} (for a DMN: the tag of its decisions, which must
 *     agree), null when the file has none
 * @param formIds the forms a process links its user tasks to (empty for the other kinds)
 */
record BundledModel(
    Kind kind,
    String id,
    String versionTag,
    List<String> formIds,
    String resourceName,
    byte[] content) {

  enum Kind {
    PROCESS,
    DECISIONS,
    FORM
  }
}
