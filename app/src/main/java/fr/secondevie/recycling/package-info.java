/**
 * Recycling through adapted companies: the route {@code RECYCLE} of {@code asset-end-of-life} and
 * the process {@code dismantling-lot}.
 *
 * <p>A registry of {@link fr.secondevie.recycling.AdaptedCompany adapted companies} (entreprises
 * adaptées and ESAT, with their agreement and their contract with an eco-organisme) and their
 * {@link fr.secondevie.recycling.DismantlingLot dismantling lots}. {@code dismantling.add-to-lot}
 * puts an asset in the open lot of the default company (opening a lot starts the process through
 * the Camunda client; a full lot publishes {@code DismantlingLotFull}); the lot's workers close it,
 * send the order (PDF by e-mail), record the pickup (weight, BSD / Trackdéchets number) and the
 * attestations (recycling certificate, EA attestation with its labour cost), then publish {@code
 * DismantlingCompleted} for each asset. Every step appends to the chains of custody.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Recycling (adapted companies)",
    allowedDependencies = {
      "common :: api",
      "inventory :: api",
      "documents :: api",
      "notification :: api",
      "processes :: api"
    })
package fr.secondevie.recycling;
