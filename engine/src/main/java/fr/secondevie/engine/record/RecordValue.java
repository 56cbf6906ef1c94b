package fr.secondevie.engine.record;

/** Marker of the immutable payloads a {@link Record} may carry. */
public interface RecordValue {}
