package fr.secondevie.indicators;

import java.time.LocalDate;

/**
 * One recorded outcome as the reuse rate reads it.
 *
 * @param outcome INTERNAL_REUSE, DONATION, RECONDITION or RECYCLE
 * @param outcomeDate date of the outcome in Europe/Paris (its year is the reporting year)
 * @param reuseCommitment for a donation: the beneficiary had signed its reuse commitment on or
 *     before the handover (null when no handed-over donation was found); ignored otherwise
 * @param ageYears age at the outcome recorded with the fact, used when the history has no
 *     retirement
 */
record ReuseOutcome(
    long assetId,
    String outcome,
    LocalDate outcomeDate,
    Boolean reuseCommitment,
    java.math.BigDecimal ageYears) {}
