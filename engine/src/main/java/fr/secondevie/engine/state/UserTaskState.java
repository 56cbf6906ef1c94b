package fr.secondevie.engine.state;

import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.UserTaskValue;
import java.util.HashMap;
import java.util.Map;

/** Open user tasks. */
public final class UserTaskState {

  private final Map<Long, UserTaskValue> tasks = new HashMap<>();

  public UserTaskValue get(long key) {
    return tasks.get(key);
  }

  void apply(Record record) {
    switch (record.intent()) {
      case CREATED, UPDATED -> tasks.put(record.key(), (UserTaskValue) record.value());
      case COMPLETED, CANCELED -> tasks.remove(record.key());
      default -> {}
    }
  }

  void clear() {
    tasks.clear();
  }
}
