package fr.secondevie.common;

import io.camunda.client.api.response.ActivatedJob;
import org.springframework.modulith.NamedInterface;

/**
 * The operation id a job worker writes its effects under (unique keys, custody entries, outbox
 * e-mails): the same for every delivery of the job, different for each activation of the element.
 */
@NamedInterface("api")
public final class JobOperations {

  private JobOperations() {}

  /**
   * {@code <processInstanceKey>:<elementId>:<elementInstanceKey>}. The element instance key alone
   * makes it unique; the process instance and the element make a row traceable to its step. This is
   * the formula of the inventory, sanitization, routing, campaign, outcome and reminder workers,
   * whose operation ids are most of those stored (custody entries, status changes); the donation,
   * recycling and reconditioning workers used {@code <jobType>:<elementInstanceKey>}, the annual
   * report {@code <processInstanceKey>:<elementInstanceKey>}: only a job delivered again across the
   * upgrade sees a new id.
   */
  public static String operationId(ActivatedJob job) {
    return job.getProcessInstanceKey()
        + ":"
        + job.getElementId()
        + ":"
        + job.getElementInstanceKey();
  }
}
