package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.StorageType;
import fr.secondevie.sanitization.SanitizationPlan.PlannedDrive;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report checked against the plan, drive by drive, with each failure reason. */
class ReportCheckTests {

  static PlannedDrive planned(String serial, StorageType type, SanitizationLevel level) {
    return new PlannedDrive(serial, type, level, "—");
  }

  static ReportedDrive reported(
      String serial,
      SanitizationLevel type,
      SanitizationMethod method,
      Verification verification,
      DriveResult result) {
    return new ReportedDrive(serial, type, method, verification, result, null, null, null);
  }

  static WipeReportContent report(ReportedDrive... drives) {
    return new WipeReportContent(
        "nwipe", "0.38", "Camille", "WR-000001", "2026-03-12", List.of(drives));
  }

  static final SanitizationPlan PLAN =
      new SanitizationPlan(
          true,
          List.of(
              planned("SSD-1", StorageType.SSD, SanitizationLevel.PURGE),
              planned("HDD-1", StorageType.HDD, SanitizationLevel.PURGE)));

  @Test
  void shouldPassWhenEveryDriveReachesItsLevelVerified() {
    // given
    WipeReportContent report =
        report(
            reported(
                "ssd-1",
                SanitizationLevel.PURGE,
                SanitizationMethod.CRYPTO_ERASE,
                Verification.FULL,
                DriveResult.PASSED),
            reported(
                " HDD-1 ",
                SanitizationLevel.PURGE,
                SanitizationMethod.SANITIZE_COMMAND,
                Verification.SAMPLING,
                DriveResult.PASSED));

    // when
    ReportCheck.Result result = ReportCheck.check(PLAN, report);

    // then
    assertThat(result.allPassed()).isTrue();
    assertThat(result.passed())
        .extracting(p -> p.planned().serialNumber(), ReportCheck.Pass::effective)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SSD-1", SanitizationLevel.PURGE),
            org.assertj.core.groups.Tuple.tuple("HDD-1", SanitizationLevel.PURGE));
  }

  @Test
  void shouldFailADriveMissingFromTheReport() {
    ReportCheck.Result result =
        ReportCheck.check(
            PLAN,
            report(
                reported(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.BLOCK_ERASE,
                    Verification.FULL,
                    DriveResult.PASSED)));

    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.serialNumber()).isEqualTo("HDD-1");
              assertThat(f.reason()).isEqualTo(ReportCheck.NOT_IN_REPORT);
            });
    assertThat(result.passed()).hasSize(1);
  }

  @Test
  void shouldFailAWipeTheReportStatesFailed() {
    ReportCheck.Result result =
        ReportCheck.check(
            PLAN,
            report(
                reported(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.BLOCK_ERASE,
                    Verification.FULL,
                    DriveResult.FAILED),
                reported(
                    "HDD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.SANITIZE_COMMAND,
                    Verification.FULL,
                    DriveResult.PASSED)));

    assertThat(result.failures())
        .extracting(ReportCheck.Failure::reason)
        .containsExactly(ReportCheck.WIPE_FAILED);
    assertThat(result.failedSerials()).containsExactly("SSD-1");
  }

  @Test
  void shouldFailALevelBelowTheRequiredOne() {
    ReportCheck.Result result =
        ReportCheck.check(
            PLAN,
            report(
                reported(
                    "SSD-1",
                    SanitizationLevel.CLEAR,
                    SanitizationMethod.BLOCK_ERASE,
                    Verification.FULL,
                    DriveResult.PASSED),
                reported(
                    "HDD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.SANITIZE_COMMAND,
                    Verification.FULL,
                    DriveResult.PASSED)));

    assertThat(result.failures())
        .extracting(ReportCheck.Failure::reason)
        .containsExactly(ReportCheck.LEVEL_TOO_LOW);
  }

  @Test
  void shouldFailAnOverwriteDeclaredPurgeOnFlash() {
    // given: a software overwrite cannot reach spare blocks of an SSD (IEEE 2883: Clear at most)
    ReportCheck.Result result =
        ReportCheck.check(
            PLAN,
            report(
                reported(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.OVERWRITE,
                    Verification.FULL,
                    DriveResult.PASSED),
                reported(
                    "HDD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.SANITIZE_COMMAND,
                    Verification.FULL,
                    DriveResult.PASSED)));

    // then
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reason()).isEqualTo(ReportCheck.LEVEL_TOO_LOW);
              assertThat(f.detail()).contains("OVERWRITE").contains("CLEAR").contains("IEEE 2883");
            });
  }

  @Test
  void shouldFailAnUnverifiedWipe() {
    ReportCheck.Result result =
        ReportCheck.check(
            PLAN,
            report(
                reported(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.CRYPTO_ERASE,
                    Verification.NONE,
                    DriveResult.PASSED),
                reported(
                    "HDD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.SANITIZE_COMMAND,
                    null,
                    DriveResult.PASSED)));

    assertThat(result.failures())
        .extracting(ReportCheck.Failure::serialNumber, ReportCheck.Failure::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SSD-1", ReportCheck.NOT_VERIFIED),
            org.assertj.core.groups.Tuple.tuple("HDD-1", ReportCheck.NOT_VERIFIED));
  }

  @Test
  void shouldFailADriveReportedTwiceWhenOneEntryFails() {
    SanitizationPlan plan =
        new SanitizationPlan(
            true, List.of(planned("SSD-1", StorageType.SSD, SanitizationLevel.PURGE)));

    ReportCheck.Result result =
        ReportCheck.check(
            plan,
            report(
                reported(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.CRYPTO_ERASE,
                    Verification.FULL,
                    DriveResult.PASSED),
                reported(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.CRYPTO_ERASE,
                    Verification.FULL,
                    DriveResult.FAILED)));

    assertThat(result.failures())
        .extracting(ReportCheck.Failure::reason)
        .containsExactly(ReportCheck.WIPE_FAILED);
  }

  @Test
  void shouldAcceptADestructionWithoutVerificationAndIgnoreDrivesOutsideThePlan() {
    SanitizationPlan plan =
        new SanitizationPlan(
            true, List.of(planned("USB-1", StorageType.USB_FLASH, SanitizationLevel.DESTROY)));

    ReportCheck.Result result =
        ReportCheck.check(
            plan,
            report(
                reported(
                    "USB-1",
                    SanitizationLevel.DESTROY,
                    SanitizationMethod.OTHER,
                    Verification.NONE,
                    DriveResult.PASSED),
                reported(
                    "OTHER-9",
                    SanitizationLevel.CLEAR,
                    SanitizationMethod.OVERWRITE,
                    Verification.FULL,
                    DriveResult.PASSED)));

    assertThat(result.allPassed()).isTrue();
    assertThat(result.passed())
        .extracting(ReportCheck.Pass::effective)
        .containsExactly(SanitizationLevel.DESTROY);
  }

  @Test
  void shouldFailAnEmptyPlanThatNothingProves() {
    // given: no drive in the plan, and no attestation of the collection
    SanitizationPlan plan = new SanitizationPlan(false, List.of());

    // when
    ReportCheck.Result result = ReportCheck.check(plan, report());

    // then
    assertThat(result.allPassed()).isFalse();
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reason()).isEqualTo(ReportCheck.STORAGE_NOT_ATTESTED);
              assertThat(f.detail()).contains("attestation");
            });
  }

  @Test
  void shouldPassAnEmptyPlanOnlyWithItsAttestation() {
    // given
    SanitizationPlan plan =
        new SanitizationPlan(
            true,
            List.of(),
            "attestation de collecte : absence de support vérifiée par Camille Martin");

    // when
    ReportCheck.Result result = ReportCheck.check(plan, report());

    // then
    assertThat(result.allPassed()).isTrue();
  }

  @Test
  void shouldNeverGivePurgeToAnOverwriteOfAnSsdEvenDeclaredPurge() {
    // given: an nwipe log of the SSD, and a JSON report declaring an overwrite as Purge
    String log =
        """
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
               sdb | Erased |  480 MB/s | 00:20:02 | Samsung SSD 860 E/SSD-1
        --------------------------------------------------------------------------------
        [2026/03/12 11:02:25] Total Throughput  480 MB/s, Gutmann Wipe, 1R+B+VA
        """;
    WipeReportContent nwipe =
        NwipeLogParser.toReport(
            NwipeLogParser.parse(log, new java.util.ArrayList<>()),
            "0.38",
            "x",
            java.time.ZoneId.of("Europe/Paris"));
    WipeReportContent declared =
        report(
            reported(
                "SSD-1",
                SanitizationLevel.PURGE,
                SanitizationMethod.OVERWRITE,
                Verification.FULL,
                DriveResult.PASSED));
    SanitizationPlan ssd =
        new SanitizationPlan(
            true, List.of(planned("SSD-1", StorageType.SSD, SanitizationLevel.PURGE)));

    // when
    ReportCheck.Result fromLog = ReportCheck.check(ssd, nwipe);
    ReportCheck.Result fromJson = ReportCheck.check(ssd, declared);

    // then
    assertThat(fromLog.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo(ReportCheck.LEVEL_TOO_LOW));
    assertThat(fromJson.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reason()).isEqualTo(ReportCheck.LEVEL_TOO_LOW);
              assertThat(f.detail()).contains("OVERWRITE", "CLEAR");
            });
  }

  @Test
  void shouldGivePurgeToAnAtaSecureEraseOfAHardDiskButNotOfAnSsd() {
    // given
    WipeReportContent report =
        report(
            reported(
                "SSD-1",
                SanitizationLevel.PURGE,
                SanitizationMethod.SECURE_ERASE,
                Verification.SAMPLING,
                DriveResult.PASSED),
            reported(
                "HDD-1",
                SanitizationLevel.PURGE,
                SanitizationMethod.SECURE_ERASE,
                Verification.SAMPLING,
                DriveResult.PASSED));

    // when
    ReportCheck.Result result = ReportCheck.check(PLAN, report);

    // then
    assertThat(result.passed())
        .extracting(p -> p.planned().serialNumber())
        .containsExactly("HDD-1");
    assertThat(result.failedSerials()).containsExactly("SSD-1");
  }
}
