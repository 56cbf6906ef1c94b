package fr.secondevie.purchasing;

/** Starts P5 for a request (the Camunda client in the application, a stub in page tests). */
interface PurchaseProcesses {

  /** Starts {@code reconditioned-purchase}; returns the process instance key. */
  long start(long purchaseRequestId, String requestedBy);
}
