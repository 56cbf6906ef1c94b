package fr.secondevie.engine.processing;

import fr.secondevie.engine.record.JobValue;
import java.util.List;
import java.util.Map;

/** A job handed to a worker, with the variables it asked for. */
public record ActivatedJob(long key, JobValue job, Map<String, Object> variables) {

  /** What a worker asks for when activating jobs (by polling or through a stream). */
  public record Request(
      String type, String worker, long timeout, int maxJobs, List<String> fetchVariables) {}
}
