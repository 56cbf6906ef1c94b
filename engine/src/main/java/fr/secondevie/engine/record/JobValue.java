package fr.secondevie.engine.record;

import java.util.Map;

/**
 * A job for a worker. {@code deadline} is set while activated; {@code recurAt} while waiting for
 * its retry back-off (both epoch milliseconds of the engine clock, -1 when unset).
 */
public record JobValue(
    String type,
    String worker,
    int retries,
    long deadline,
    long recurAt,
    String errorMessage,
    String errorCode,
    Map<String, String> customHeaders,
    long elementInstanceKey,
    String elementId,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey)
    implements RecordValue {

  public JobValue activated(String worker, long deadline) {
    return new JobValue(
        type,
        worker,
        retries,
        deadline,
        -1,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey);
  }

  public JobValue failed(int retries, String errorMessage, long recurAt) {
    return new JobValue(
        type,
        worker,
        retries,
        -1,
        recurAt,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey);
  }

  public JobValue withRetries(int retries) {
    return new JobValue(
        type,
        worker,
        retries,
        deadline,
        recurAt,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey);
  }

  public JobValue withDeadline(long deadline) {
    return new JobValue(
        type,
        worker,
        retries,
        deadline,
        recurAt,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey);
  }

  public JobValue withError(String errorCode, String errorMessage) {
    return new JobValue(
        type,
        worker,
        retries,
        -1,
        -1,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey);
  }
}
