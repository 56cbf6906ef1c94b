/**
 * Indicators, the recording side: one outcome fact per asset at the end of its end-of-life process
 * (route carried out, date, category, campaign, lifetime extension, sanitization outcome, weight
 * when known), from which the indicators of DESIGN §5 are computed — never typed in.
 *
 * <p>The table {@code outcome_fact} is documented in {@code docs/indicators.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Indicators",
    allowedDependencies = {
      "common :: api",
      "inventory :: api",
      "processes :: api",
      "donation :: api",
      "documents :: api",
      "notification :: api",
      "purchasing"
    })
package fr.secondevie.indicators;
