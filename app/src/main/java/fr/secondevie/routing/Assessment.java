package fr.secondevie.routing;

import java.math.BigDecimal;

/**
 * Process variable {@code assessment}: the facts the decision {@code asset-route} reads.
 *
 * @param category inventory category (DESKTOP, LAPTOP, MONITOR…)
 * @param ageYears exact age in decimal years at {@code decidedOn}, null when unknown
 * @param residualUnitValue euros, two decimals, null when unknown
 * @param osSupported null when not applicable or unknown
 * @param decidedOn ISO date (Paris) of the assessment
 */
public record Assessment(
    String category,
    Double ageYears,
    BigDecimal residualUnitValue,
    Boolean osSupported,
    String decidedOn) {}
