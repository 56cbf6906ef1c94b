package fr.secondevie.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the process contract once the application is ready and says what it holds, so that a
 * contract the packaged application cannot read (its classes are scanned) shows in the start log,
 * not at a process owner's first upload. A failure is logged, never stops the application: only the
 * upload page needs the contract.
 */
@Component
class ProcessContractAtStart {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessContractAtStart.class);

  @EventListener(ApplicationReadyEvent.class)
  void read() {
    try {
      ProcessContract contract = ProcessContract.ofApplication();
      LOG.info(
          "Process contract: {} job types, {} messages, {} error codes, {} forms, {} decisions,"
              + " {} variables required by workers (models uploaded at /console/models are"
              + " checked against it)",
          contract.jobTypes().size(),
          contract.messages().size(),
          contract.errorCodes().size(),
          contract.formIds().size(),
          contract.decisions().size(),
          contract.requiredVariableCount());
    } catch (RuntimeException e) {
      LOG.warn(
          "The process contract cannot be read: models cannot be uploaded at /console/models"
              + " until this is fixed",
          e);
    }
  }
}
