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
 * @param categoryLabel the category as people read it ("Ordinateur fixe"), for forms
 * @param age the age in words ("8 ans et 7 mois", "—" when unknown), for forms
 * @param residualValue the residual value in euros as people read it ("427,44 €"), for forms
 */
record Assessment(
    String category,
    Double ageYears,
    BigDecimal residualUnitValue,
    Boolean osSupported,
    String decidedOn,
    String categoryLabel,
    String age,
    String residualValue) {}
