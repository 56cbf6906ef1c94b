/**
 * Donation: free transfers of retired IT equipment to associations (cession gratuite, CGPPP L3212-2
 * 3° and L3212-3), the route {@code DONATION} of {@code asset-end-of-life}.
 *
 * <p>A registry of {@link fr.secondevie.donation.Beneficiary beneficiaries} (legal category of
 * L3212-2 3° with its proof, signed reuse commitment counted by décret 2023-266) and of their
 * {@link fr.secondevie.donation.DonationRequest requests} (categories and quantity wanted). The job
 * workers of the donation sub-process propose an open request after checking the law again (10
 * years at most, 300 € unit value at most, wipe certified, eligible beneficiary), generate the
 * convention de cession (PDF, no-resale or solidarity-price clause) when the director approved, and
 * record the signed handover. Every step appends to the asset's chain of custody; the asset leaves
 * the hospital (DONATED) only through the inventory's own status transition.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Donation",
    allowedDependencies = {
      "common :: api",
      "inventory :: api",
      "documents :: api",
      "processes :: api",
      "routing :: api"
    })
package fr.secondevie.donation;
