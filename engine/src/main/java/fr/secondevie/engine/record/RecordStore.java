package fr.secondevie.engine.record;

import java.util.function.Consumer;

/**
 * Where the log lives. The engine only appends (from its single processing thread) and reads in
 * order; an implementation backed by a durable journal can replace the in-memory one without any
 * change to the processing code, as long as it can store the record values.
 */
public interface RecordStore extends AutoCloseable {

  /**
   * Reads back what the store already holds, before the engine replays it with {@link #forEach}:
   * values that hold parsed models (processes, decision requirements) are kept as their source
   * resource and transformed again with {@code models}. A store that starts empty does nothing.
   */
  default void load(ModelParser models) {}

  /**
   * The last key handed out when the store was last committed (0 when none), so that a restarted
   * engine never hands out a key twice, even one that no record carries.
   */
  default long lastKey() {
    return 0;
  }

  /** Appends a record, assigning the next position, and returns it. */
  Record append(long key, ValueType valueType, Intent intent, long timestamp, RecordValue value);

  /** Calls the consumer for every record from the given position (inclusive), in order. */
  void forEach(long fromPosition, Consumer<Record> consumer);

  /** The position of the last record, 0 when empty. */
  long lastPosition();

  /**
   * Deletes every record (used by the management API's purge). Positions keep increasing, so that
   * readers can tell old records from new ones.
   */
  void clear();

  /**
   * The end of a command: the records appended since the last commit form one batch ({@code
   * lastKey}: the last key handed out so far). A durable store writes the batch out; {@link #sync}
   * makes it durable. Nothing to do for a store in memory.
   */
  default void commit(long lastKey) {}

  /**
   * Whether the store keeps the log durably: the engine then holds the answers to commands until
   * {@link #sync} made their batches durable, and syncs once for all the commands that were queued
   * meanwhile (group commit).
   */
  default boolean durable() {
    return false;
  }

  /** Forces the committed batches to durable storage. Nothing to do for a store in memory. */
  default void sync() {}

  /** Releases what the store holds (files, locks); the engine calls it when it stops. */
  @Override
  default void close() {}
}
