package fr.secondevie.engine.record;

import fr.secondevie.engine.model.ExecutableProcess;

/**
 * A new process definition. The executable model travels with the record so that it is parsed once;
 * a durable journal would store the BPMN resource and transform it again when replaying.
 */
public record ProcessValue(ExecutableProcess process) implements RecordValue {}
