package fr.secondevie.engine.record;

/**
 * Generates the 64-bit keys of every entity, unique across entity types, in the shape Zeebe uses
 * for partition 1: the partition id in the upper bits ({@code 1L << 51}) plus a counter. Clients
 * and Operate-like tools decode the partition from a key, so the shape matters.
 */
public final class KeyGenerator {

  private static final long PARTITION_BITS = 1L << 51;

  private long counter;

  public long next() {
    return PARTITION_BITS + ++counter;
  }

  /** The last key handed out (or observed), {@code 0} when none. */
  public long last() {
    return counter == 0 ? 0 : PARTITION_BITS + counter;
  }

  /** Makes sure the next keys come after one seen while replaying a log. */
  public void observe(long key) {
    if (key > PARTITION_BITS) {
      counter = Math.max(counter, key - PARTITION_BITS);
    }
  }
}
