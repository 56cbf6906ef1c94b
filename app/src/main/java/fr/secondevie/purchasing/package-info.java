/**
 * Reconditioned purchasing: process P5 {@code reconditioned-purchase}.
 *
 * <p>A {@link fr.secondevie.purchasing.PurchaseRequest} (any staff role requests, buyers handle)
 * starts the process. The internal stock is proposed first (assignment through the inventory's
 * service: status and custody entry); the remainder goes through the decision {@code
 * purchase-channel}; buying new needs a justification approved by a buyer; offers come from the
 * supplier registry (P4: only a supplier with a valid referencing, with its maturity bonus) or a
 * purchasing central / SAD contract and are ranked; the selected one is ordered (PDF by e-mail),
 * received with its serial numbers (each accepted unit registered in the inventory with how it was
 * bought) and its spend published as {@link fr.secondevie.purchasing.PurchaseOrderReceived}, which
 * the indicators write to the spend ledger.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Reconditioned purchasing",
    allowedDependencies = {
      "common :: api",
      "inventory :: api",
      "suppliers :: api",
      "documents :: api",
      "notification :: api",
      "processes :: api",
      "reconditioning :: api"
    })
package fr.secondevie.purchasing;
