package fr.secondevie.engine.state;

import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.Record;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jobs, the activatable ones per type in key order, and the deadlines and back-offs to watch. Types
 * that got new activatable jobs are remembered so that waiting workers can be served.
 */
public final class JobState {

  private final Map<Long, Job> jobs = new HashMap<>();
  private final Map<String, NavigableSet<Long>> activatable = new HashMap<>();
  private final NavigableSet<Due> deadlines = new TreeSet<>();
  private final NavigableSet<Due> backoffs = new TreeSet<>();
  private final Set<String> newlyActivatableTypes = new HashSet<>();

  public Job get(long key) {
    return jobs.get(key);
  }

  /** Activatable job keys of a type, oldest first. */
  public NavigableSet<Long> activatable(String type) {
    return activatable.getOrDefault(type, new TreeSet<>());
  }

  public Due nextDeadline() {
    return deadlines.isEmpty() ? null : deadlines.first();
  }

  public Due nextBackoff() {
    return backoffs.isEmpty() ? null : backoffs.first();
  }

  /** Returns and forgets the types that got activatable jobs since the last call. */
  public List<String> drainNewlyActivatableTypes() {
    if (newlyActivatableTypes.isEmpty()) {
      return List.of();
    }
    List<String> types = List.copyOf(newlyActivatableTypes);
    newlyActivatableTypes.clear();
    return types;
  }

  void apply(Record record) {
    long key = record.key();
    JobValue value = (JobValue) record.value();
    Job job = jobs.get(key);
    switch (record.intent()) {
      case CREATED -> {
        job = new Job(key, value);
        jobs.put(key, job);
        makeActivatable(job);
      }
      case ACTIVATED -> {
        unschedule(job);
        job.value(value);
        job.status(Job.Status.ACTIVATED);
        deadlines.add(new Due(value.deadline(), key));
      }
      case TIMED_OUT, RECURRED_AFTER_BACKOFF -> {
        unschedule(job);
        job.value(value);
        makeActivatable(job);
      }
      case FAILED -> {
        unschedule(job);
        job.value(value);
        if (value.retries() <= 0) {
          job.status(Job.Status.FAILED);
        } else if (value.recurAt() > 0) {
          job.status(Job.Status.BACKING_OFF);
          backoffs.add(new Due(value.recurAt(), key));
        } else {
          makeActivatable(job);
        }
      }
      case RETRIES_UPDATED -> job.value(value);
      case TIMEOUT_UPDATED -> {
        deadlines.remove(new Due(job.value().deadline(), key));
        job.value(value);
        deadlines.add(new Due(value.deadline(), key));
      }
      case ERROR_THROWN -> {
        unschedule(job);
        job.value(value);
        job.status(Job.Status.ERROR_THROWN);
      }
      case COMPLETED, CANCELED -> {
        unschedule(job);
        jobs.remove(key);
      }
      default -> {}
    }
  }

  /** A resolved job incident gives the job back to the workers. */
  void incidentResolved(IncidentValue incident) {
    Job job = jobs.get(incident.jobKey());
    if (job != null
        && (job.status() == Job.Status.FAILED || job.status() == Job.Status.ERROR_THROWN)
        && job.value().retries() > 0) {
      makeActivatable(job);
    }
  }

  private void makeActivatable(Job job) {
    job.status(Job.Status.ACTIVATABLE);
    activatable.computeIfAbsent(job.value().type(), t -> new TreeSet<>()).add(job.key());
    newlyActivatableTypes.add(job.value().type());
  }

  private void unschedule(Job job) {
    NavigableSet<Long> ofType = activatable.get(job.value().type());
    if (ofType != null) {
      ofType.remove(job.key());
    }
    deadlines.remove(new Due(job.value().deadline(), job.key()));
    backoffs.remove(new Due(job.value().recurAt(), job.key()));
  }

  void clear() {
    jobs.clear();
    activatable.clear();
    deadlines.clear();
    backoffs.clear();
    newlyActivatableTypes.clear();
  }
}
