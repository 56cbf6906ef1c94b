package fr.secondevie.support;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Activated jobs for worker tests: what the Camunda client hands a worker. */
public final class Jobs {

  private static final AtomicLong KEYS = new AtomicLong(2251799813685249L);

  private Jobs() {}

  /** A new job (new process instance and element instance keys). */
  public static ActivatedJob job(String type, String elementId) {
    return job(type, elementId, Map.of());
  }

  public static ActivatedJob job(String type, String elementId, Map<String, String> headers) {
    return job(
        type,
        "asset-end-of-life",
        KEYS.incrementAndGet(),
        elementId,
        KEYS.incrementAndGet(),
        headers);
  }

  /** The same element activated again in the same instance (a loop, a timer firing again). */
  public static ActivatedJob again(ActivatedJob earlier) {
    return job(
        earlier.getType(),
        earlier.getBpmnProcessId(),
        earlier.getProcessInstanceKey(),
        earlier.getElementId(),
        KEYS.incrementAndGet(),
        earlier.getCustomHeaders());
  }

  public static ActivatedJob job(
      String type,
      String processId,
      long processInstanceKey,
      String elementId,
      long elementInstanceKey,
      Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(KEYS.incrementAndGet());
    when(job.getType()).thenReturn(type);
    when(job.getBpmnProcessId()).thenReturn(processId);
    when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
    when(job.getElementId()).thenReturn(elementId);
    when(job.getElementInstanceKey()).thenReturn(elementInstanceKey);
    when(job.getCustomHeaders()).thenReturn(headers);
    return job;
  }
}
