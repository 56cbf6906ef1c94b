package fr.secondevie.engine.state;

/** Something due at a time (engine clock, epoch ms), ordered by time then key. */
public record Due(long time, long key) implements Comparable<Due> {

  @Override
  public int compareTo(Due other) {
    int byTime = Long.compare(time, other.time);
    return byTime != 0 ? byTime : Long.compare(key, other.key);
  }
}
