package fr.secondevie.engine.record;

/**
 * One entry of the log.
 *
 * @param position the index of the record in the log, strictly increasing from 1
 * @param key the key of the entity the record is about (process instance, job, message, ...)
 * @param valueType what kind of entity
 * @param intent what happened to it
 * @param timestamp engine-clock time in epoch milliseconds when the record was written
 * @param value the immutable payload, one of the {@code *Value} records of this package
 */
public record Record(
    long position,
    long key,
    ValueType valueType,
    Intent intent,
    long timestamp,
    RecordValue value) {}
