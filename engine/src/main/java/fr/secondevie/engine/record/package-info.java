/**
 * The log of the engine: every state change is a {@link fr.secondevie.engine.record.Record} (key,
 * value type, intent, value, timestamp, position) appended to a {@link
 * fr.secondevie.engine.record.RecordStore}. Runtime state and history are both derived by applying
 * these records in order.
 */
package fr.secondevie.engine.record;
