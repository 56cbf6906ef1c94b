/**
 * Reconditioning: the second life of retired equipment (routes {@code INTERNAL_REUSE} and {@code
 * RECONDITION} of {@code asset-end-of-life}).
 *
 * <p>{@code reconditioning.create-order} gives the asset to a {@link
 * fr.secondevie.reconditioning.Reconditioner reconditioner} — the hospital's internal workshop for
 * internal reuse, a referenced supplier for reconditioning (the other one when the preferred kind
 * is missing) — or throws {@code NO_RECONDITIONER_AVAILABLE}. The workshop (or whoever receives the
 * supplier's report) records the completion on the order's page or through the API — work done,
 * parts, cost, new grade, lifetime extension — which publishes {@code ReconditioningCompleted} to
 * the asset's process through the Camunda client. Supplier references are plain values until the
 * suppliers module offers a lookup.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Reconditioning",
    allowedDependencies = {"common :: api", "inventory :: api", "processes :: api"})
package fr.secondevie.reconditioning;
