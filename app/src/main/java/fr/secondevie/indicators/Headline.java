package fr.secondevie.indicators;

/**
 * The headline figures of a year for the home page.
 *
 * @param reuseRate "42,9 %" or "non calculable"
 * @param reuseTarget "50 %" or "—"
 * @param purchaseShare "12,0 %" or "non calculable"
 * @param avoidedKg "1 234,5 kg CO2e"
 */
public record Headline(
    int year, String reuseRate, String reuseTarget, String purchaseShare, String avoidedKg) {}
