package fr.secondevie.engine.record;

import java.util.function.Consumer;

/**
 * Where the log lives. The engine only appends (from its single processing thread) and reads in
 * order; an implementation backed by a durable journal can replace the in-memory one without any
 * change to the processing code, as long as it can store the record values.
 */
public interface RecordStore {

  /** Appends a record, assigning the next position, and returns it. */
  Record append(long key, ValueType valueType, Intent intent, long timestamp, RecordValue value);

  /** Calls the consumer for every record from the given position (inclusive), in order. */
  void forEach(long fromPosition, Consumer<Record> consumer);

  /** The position of the last record, 0 when empty. */
  long lastPosition();

  /** Deletes every record (used by the management API's purge). */
  void clear();
}
