package fr.secondevie.engine.record;

import fr.secondevie.engine.dmn.ParsedDrg;
import fr.secondevie.engine.model.ExecutableProcess;
import java.util.List;

/**
 * Transforms deployed resources again when a durable store reads its records back: the records of a
 * journal carry the BPMN and DMN sources, not the executable models the engine built from them.
 */
public interface ModelParser {

  /** The executable processes of a BPMN resource, not yet identified (no key, no version). */
  List<ExecutableProcess> processes(byte[] resource);

  /** The decision requirements graph of a DMN resource. */
  ParsedDrg decisionRequirements(byte[] resource);
}
