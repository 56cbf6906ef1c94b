package fr.secondevie.engine.record;

/** Everything was deleted: runtime state, history and deployments. */
public record PurgeValue() implements RecordValue {}
