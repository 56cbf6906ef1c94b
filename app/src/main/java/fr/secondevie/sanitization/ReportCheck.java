package fr.secondevie.sanitization;

import fr.secondevie.sanitization.SanitizationPlan.PlannedDrive;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a wipe report against the plan, drive by drive: every planned drive is in the report, its
 * wipe passed, the level it actually reached (the declared method type capped by what the technique
 * achieves on that medium, {@link MediaPolicy#effectiveLevel}) is at or above the required one, and
 * the result was verified. A drive reported twice must pass every time. A plan without any drive
 * passes only when its absence is proven ({@link SanitizationPlan#noStorageReason}).
 */
final class ReportCheck {

  /** The drive is in the plan but not in the report. */
  public static final String NOT_IN_REPORT = "NOT_IN_REPORT";

  /** The report states the wipe failed (or states no result). */
  public static final String WIPE_FAILED = "WIPE_FAILED";

  /** The level reached is below the required one. */
  public static final String LEVEL_TOO_LOW = "LEVEL_TOO_LOW";

  /** The wipe was not verified. */
  public static final String NOT_VERIFIED = "NOT_VERIFIED";

  /** The plan has no drive and nothing proves the asset holds none (no attestation). */
  public static final String STORAGE_NOT_ATTESTED = "STORAGE_NOT_ATTESTED";

  /** What {@link Failure#serialNumber} holds for a failure about the asset rather than a drive. */
  public static final String NO_DRIVE = "—";

  private ReportCheck() {}

  /** A drive that failed, with the first reason found and a French explanation. */
  public record Failure(String serialNumber, String reason, String detail) {}

  /** A drive that passed, with the level it reached. */
  public record Pass(PlannedDrive planned, ReportedDrive reported, SanitizationLevel effective) {}

  /** Outcome of the check, drives in plan order. */
  public record Result(List<Pass> passed, List<Failure> failures) {

    public boolean allPassed() {
      return failures.isEmpty();
    }

    public List<String> failedSerials() {
      return failures.stream().map(Failure::serialNumber).toList();
    }
  }

  public static Result check(SanitizationPlan plan, WipeReportContent report) {
    List<Pass> passed = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    if (plan.drives().isEmpty() && plan.noStorageReason() == null) {
      failures.add(
          new Failure(
              NO_DRIVE,
              STORAGE_NOT_ATTESTED,
              "Le plan ne compte aucun support de stockage et rien ne prouve son absence : une"
                  + " attestation de collecte (support retiré et détruit ailleurs, ou absence"
                  + " vérifiée) est nécessaire."));
    }
    for (PlannedDrive planned : plan.drives()) {
      List<ReportedDrive> entries =
          report.drives().stream()
              .filter(
                  d ->
                      d.serialNumber() != null
                          && key(d.serialNumber()).equals(key(planned.serialNumber())))
              .toList();
      if (entries.isEmpty()) {
        failures.add(
            new Failure(
                planned.serialNumber(),
                NOT_IN_REPORT,
                "Le support %s ne figure pas dans le rapport d'effacement."
                    .formatted(planned.serialNumber())));
        continue;
      }
      Failure failure = null;
      SanitizationLevel effective = null;
      for (ReportedDrive entry : entries) {
        Failure f = checkEntry(planned, entry);
        if (f != null) {
          failure = failure == null ? f : failure;
        } else {
          SanitizationLevel reached =
              MediaPolicy.effectiveLevel(entry.methodType(), entry.method(), planned.type());
          effective = effective == null ? reached : SanitizationLevel.min(effective, reached);
        }
      }
      if (failure != null) {
        failures.add(failure);
      } else {
        passed.add(new Pass(planned, entries.get(entries.size() - 1), effective));
      }
    }
    return new Result(passed, failures);
  }

  private static Failure checkEntry(PlannedDrive planned, ReportedDrive entry) {
    String serial = planned.serialNumber();
    if (entry.result() != DriveResult.PASSED) {
      return new Failure(
          serial,
          WIPE_FAILED,
          entry.result() == null
              ? "Le rapport n'indique pas de résultat pour le support %s.".formatted(serial)
              : "Le rapport indique l'échec de l'effacement du support %s.".formatted(serial));
    }
    if (entry.methodType() == null) {
      return new Failure(
          serial,
          LEVEL_TOO_LOW,
          "Le rapport n'indique pas le type de méthode (Clear, Purge, Destroy) du support %s."
              .formatted(serial));
    }
    SanitizationMethod method = entry.method() == null ? SanitizationMethod.OTHER : entry.method();
    SanitizationLevel reached =
        MediaPolicy.effectiveLevel(entry.methodType(), method, planned.type());
    if (!reached.satisfies(planned.requiredLevel())) {
      return new Failure(
          serial,
          LEVEL_TOO_LOW,
          reached == entry.methodType()
              ? "Support %s : niveau %s atteint, %s requis."
                  .formatted(serial, reached, planned.requiredLevel())
              : "Support %s (%s) : la technique %s n'atteint que %s (IEEE 2883), %s requis."
                  .formatted(serial, planned.type(), method, reached, planned.requiredLevel()));
    }
    if (reached != SanitizationLevel.DESTROY
        && (entry.verification() == null || entry.verification() == Verification.NONE)) {
      return new Failure(
          serial,
          NOT_VERIFIED,
          "L'effacement du support %s n'a pas été vérifié.".formatted(serial));
    }
    return null;
  }

  static String key(String serial) {
    return serial.strip().toUpperCase(Locale.ROOT);
  }
}
