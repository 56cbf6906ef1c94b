package fr.secondevie.sanitization;

/**
 * A wipe report was stored (recorded in the storing transaction): the process of its asset is to be
 * told through message {@code SanitizationReported}.
 */
record WipeReportStored(long reportId) {}
