package fr.secondevie.engine.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/** Keeps the log in a list in memory; readers may iterate while the engine appends. */
public final class InMemoryRecordStore implements RecordStore {

  private final List<Record> records = new ArrayList<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long position;

  @Override
  public Record append(
      long key, ValueType valueType, Intent intent, long timestamp, RecordValue value) {
    lock.writeLock().lock();
    try {
      Record record = new Record(++position, key, valueType, intent, timestamp, value);
      records.add(record);
      return record;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void forEach(long fromPosition, Consumer<Record> consumer) {
    List<Record> snapshot;
    lock.readLock().lock();
    try {
      long first = records.isEmpty() ? 0 : records.get(0).position();
      int from = (int) Math.max(0, fromPosition - first);
      snapshot =
          from >= records.size() ? List.of() : List.copyOf(records.subList(from, records.size()));
    } finally {
      lock.readLock().unlock();
    }
    snapshot.forEach(consumer);
  }

  @Override
  public long lastPosition() {
    lock.readLock().lock();
    try {
      return position;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void clear() {
    lock.writeLock().lock();
    try {
      // positions keep increasing so that readers can tell old records from new ones
      records.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
