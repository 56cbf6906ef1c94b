/**
 * Routing: the facts the decision {@code asset-route} needs about a sanitized asset, and the
 * recording of the route decided (by the decision or by arbitration).
 *
 * <p>{@link fr.secondevie.routing.AssessmentService} computes the exact age in decimal years at the
 * decision date, the residual unit value (linear depreciation over the category's accounting life,
 * floor 0) and whether the installed operating system is still supported ({@link
 * fr.secondevie.routing.OsSupportTable}). The rules evaluate in the process runtime (business rule
 * task), never here. Rules and tables: {@code docs/routing.md}. {@link
 * fr.secondevie.routing.DonationLimits} reads the age limit and the donation cap from the decision
 * the runtime runs, for the legal check of the donation.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Routing",
    allowedDependencies = {"common :: api", "inventory :: api", "processes :: api", "models"})
package fr.secondevie.routing;
