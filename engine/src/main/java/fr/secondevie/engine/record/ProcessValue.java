package fr.secondevie.engine.record;

import fr.secondevie.engine.model.ExecutableProcess;

/**
 * A new process definition. The executable model travels with the record so that it is parsed once;
 * the journal ({@link FileRecordStore}) stores the BPMN resource instead and transforms it again
 * when it is read back ({@link JournalCodec}).
 */
public record ProcessValue(ExecutableProcess process) implements RecordValue {}
