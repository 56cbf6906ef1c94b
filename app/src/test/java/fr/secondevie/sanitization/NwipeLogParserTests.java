package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nwipe log summary tables, as nwipe's logging.c writes them. */
class NwipeLogParserTests {

  static final Path SAMPLE = Path.of("..", "samples", "nwipe-log-chu.txt");

  static String sample() throws IOException {
    return Files.readString(SAMPLE, StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadTheSampleLogOfTheRepository() throws IOException {
    // given
    List<IntakeError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(sample(), errors);
    WipeReportContent report =
        NwipeLogParser.toReport(run, "0.38", "Camille Martin", ZoneId.of("Europe/Paris"));

    // then
    assertThat(errors).isEmpty();
    assertThat(run.methodLabel()).isEqualTo("Sanitize Overwrite (ATA/SCSI/NVMe)");
    assertThat(run.verificationCode()).isEqualTo("VL");
    assertThat(report.tool()).isEqualTo("nwipe");
    assertThat(report.performedOn()).isEqualTo("2026-03-12T11:02:25+01:00");
    assertThat(report.drives())
        .extracting(
            WipeReportContent.ReportedDrive::serialNumber,
            WipeReportContent.ReportedDrive::model,
            WipeReportContent.ReportedDrive::methodType,
            WipeReportContent.ReportedDrive::method,
            WipeReportContent.ReportedDrive::verification,
            WipeReportContent.ReportedDrive::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Z9A5V5ZQ",
                "ST1000DM010-2EP1",
                SanitizationLevel.PURGE,
                SanitizationMethod.SANITIZE_COMMAND,
                Verification.FULL,
                DriveResult.PASSED),
            org.assertj.core.groups.Tuple.tuple(
                "S4GENX0R123456",
                "SAMSUNG MZVLB512H",
                SanitizationLevel.PURGE,
                SanitizationMethod.SANITIZE_COMMAND,
                Verification.FULL,
                DriveResult.PASSED));
    assertThat(report.drives().get(0).notes())
        .contains("/dev/sda", "153 MB/s", "01:48:14", "1R+B+VL", "erreurs : passes 0");
  }

  @Test
  void shouldReadAFailedDriveAndAnOverwriteWithoutVerification() {
    String log =
        """
        ********************************* Drive Status *********************************
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
        !      sdb |-FAILED-| 120 MB/s | 01:22:01 | WDC WD10EZEX-08W/WD-WCC6Y3TN1234
               sdc |UABORTED| 118 MB/s | 00:02:11 | WDC WD10EZEX-08W/WD-WCC6Y3TN5678
        --------------------------------------------------------------------------------
        [2026/03/12 11:02:25] Total Throughput 238 MB/s, DoD Short, 1R+B+NV
        ********************************************************************************
        """;
    List<IntakeError> errors = new ArrayList<>();

    WipeReportContent report =
        NwipeLogParser.toReport(
            NwipeLogParser.parse(log, errors), "0.34", "x", ZoneId.of("Europe/Paris"));

    assertThat(errors).isEmpty();
    assertThat(report.drives())
        .extracting(
            WipeReportContent.ReportedDrive::result,
            WipeReportContent.ReportedDrive::methodType,
            WipeReportContent.ReportedDrive::verification)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                DriveResult.FAILED, SanitizationLevel.CLEAR, Verification.NONE));
  }

  @Test
  void shouldNameTheLineOfAnUnreadableRow() {
    String log =
        """
        [2026/03/12 09:14:02]  notice: Opened entropy source '/dev/urandom'.
        ********************************* Drive Status *********************************
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
               sda | Erased | 153 MB/s | 01:48:14 | ST1000DM010-2EP1/Z9A5V5ZQ
               sdb   Erased   lost columns
               sdc | Done   | 153 MB/s | 01:48:14 | ST1000DM010-2EP1/Z9A5V5ZR
               sdd | Erased | 153 MB/s | 01:48:14 | NOSERIAL/
        --------------------------------------------------------------------------------
        [2026/03/12 11:02:25] Total Throughput 153 MB/s, Verify Zeros (0x00), 1R+B+VL
        ********************************************************************************
        """;
    List<IntakeError> errors = new ArrayList<>();

    NwipeLogParser.parse(log, errors);

    assertThat(errors).extracting(IntakeError::line).containsExactly(6, 7, 8, 10);
    assertThat(errors.get(0).message()).contains("illisible");
    assertThat(errors.get(1).message()).contains("Statut inconnu");
    assertThat(errors.get(2).message()).contains("numéro de série");
    assertThat(errors.get(3).message()).contains("vérifier");
  }

  @Test
  void shouldRefuseALogWithoutTheDriveStatusTable() {
    List<IntakeError> errors = new ArrayList<>();

    NwipeLogParser.NwipeRun run =
        NwipeLogParser.parse("[2026/03/12 09:14:02]  notice: Opened entropy source.\n", errors);

    assertThat(run).isNull();
    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Drive Status"));
  }

  @Test
  void shouldRefuseAnUnknownMethod() {
    String log =
        """
        ********************************* Drive Status *********************************
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
               sda | Erased | 153 MB/s | 01:48:14 | ST1000DM010-2EP1/Z9A5V5ZQ
        --------------------------------------------------------------------------------
        [2026/03/12 11:02:25] Total Throughput 153 MB/s, Magic Wipe, 1R+B+VL
        """;
    List<IntakeError> errors = new ArrayList<>();

    NwipeLogParser.parse(log, errors);

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(6);
              assertThat(e.value()).isEqualTo("Magic Wipe");
            });
  }
}
