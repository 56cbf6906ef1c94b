/**
 * Renewal campaigns: a named set of retired assets processed together by P1 ({@code
 * equipment-renewal-campaign}), which runs P2 for each asset.
 *
 * <p>A {@link fr.secondevie.campaigns.Campaign} is created from imported assets (a selection, or
 * every asset in service or in stock of a site), started through the Camunda client, opened and
 * closed by its job workers, and followed on a progress page whose counts come from what the
 * workers recorded (inventory statuses and routes, outcome facts), never from the engine.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Campaigns",
    allowedDependencies = {
      "common :: api",
      "inventory :: api",
      "indicators",
      "notification :: api",
      "processes :: api"
    })
package fr.secondevie.campaigns;
