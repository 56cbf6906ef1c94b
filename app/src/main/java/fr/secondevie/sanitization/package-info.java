/**
 * Certified data sanitization of the storage media of retired assets.
 *
 * <ul>
 *   <li>The plan ({@link fr.secondevie.sanitization.SanitizationPlanner}): the level each storage
 *       device requires — Clear, Purge or Destroy, NIST SP 800-88 Rev.2 with the media- and
 *       interface-specific techniques of IEEE 2883-2022 — health-data media at least Purge ({@link
 *       fr.secondevie.sanitization.MediaPolicy}).
 *   <li>The wipe reports: a REST intake ({@code POST /api/sanitization/reports}) for our JSON
 *       schema and for the log of nwipe/ShredOS (a software overwrite: Clear at most), and the
 *       Purge evidence of the drives' own commands ({@code .../device-commands}: nvme-cli's
 *       sanitize log, hdparm's security erase), validated in full before anything is stored, then
 *       kept as a document and published to the process as message {@code SanitizationReported}.
 *   <li>The certificates: the report checked against the plan ({@link
 *       fr.secondevie.sanitization.ReportCheck}), one certificate per drive with the fields of NIST
 *       SP 800-88 Appendix G and its PDF; the physical destruction of the media that failed (DIN
 *       66399 / ISO 21964 level, provider's certificate).
 *   <li>The invariant, enforced on every inventory status change ({@link
 *       fr.secondevie.sanitization.MediaClearanceGuard}): no asset goes past {@code SANITIZED} with
 *       a storage device that has neither a passing certificate nor a destruction proof.
 * </ul>
 *
 * <p>Rules, formats and tables: {@code docs/sanitization.md}, {@code docs/erasure-evidence.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Sanitization",
    allowedDependencies = {
      "common :: api",
      "inventory :: api",
      "documents :: api",
      "processes :: api"
    })
package fr.secondevie.sanitization;
