package fr.secondevie.engine.state;

import fr.secondevie.engine.record.JobValue;

/** A job and where it stands. */
public final class Job {

  /** Where a job stands. */
  public enum Status {
    ACTIVATABLE,
    ACTIVATED,
    BACKING_OFF,
    FAILED,
    ERROR_THROWN
  }

  private final long key;
  private JobValue value;
  private Status status = Status.ACTIVATABLE;

  Job(long key, JobValue value) {
    this.key = key;
    this.value = value;
  }

  public long key() {
    return key;
  }

  public JobValue value() {
    return value;
  }

  public Status status() {
    return status;
  }

  void value(JobValue value) {
    this.value = value;
  }

  void status(Status status) {
    this.status = status;
  }
}
