package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import fr.secondevie.common.InputError;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nwipe log summary tables, as nwipe's {@code src/logging.c} writes them (releases 0.30 to
 * 0.42), and the method labels of {@code src/method.c}.
 */
class NwipeLogParserTests {

  static final Path SAMPLE = Path.of("..", "samples", "nwipe-log-chu.txt");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static String sample() throws IOException {
    return Files.readString(SAMPLE, StandardCharsets.UTF_8);
  }

  /** A log of nwipe 0.33 to 0.41 with one drive row per argument and the given method label. */
  static String log(String label, String... rows) {
    StringBuilder log =
        new StringBuilder(
            """

            ********************************* Drive Status *********************************
            !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
            --------------------------------------------------------------------------------
            """);
    for (String row : rows) {
      log.append(row).append('\n');
    }
    return log.append(
            """
            --------------------------------------------------------------------------------
            [2026/03/12 11:02:25] Total Throughput  153 MB/s, %s, 1R+B+VL
            ********************************************************************************
            """
                .formatted(label))
        .toString();
  }

  static final String SDA =
      "       sda | Erased |  153 MB/s | 01:48:14 | ST1000DM010-2EP10/Z9A5V5ZQ";

  @Test
  void shouldReadTheSampleLogOfTheRepository() throws IOException {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(sample(), errors);
    WipeReportContent report = NwipeLogParser.toReport(run, run.version(), "Camille Martin", PARIS);

    // then
    assertThat(errors).isEmpty();
    assertThat(run.warnings()).isEmpty();
    assertThat(run.version()).isEqualTo("0.38");
    assertThat(run.methodLabel()).isEqualTo("PRNG Stream");
    assertThat(run.verificationCode()).isEqualTo("VL");
    assertThat(report.tool()).isEqualTo("nwipe");
    assertThat(report.performedOn()).isEqualTo("2026-03-12T14:26:42+01:00");
    assertThat(report.drives())
        .extracting(
            ReportedDrive::serialNumber,
            ReportedDrive::model,
            ReportedDrive::methodType,
            ReportedDrive::method,
            ReportedDrive::verification,
            ReportedDrive::result)
        .containsExactly(
            tuple(
                "Z9A5V5ZQ",
                "ST1000DM010-2EP10",
                SanitizationLevel.CLEAR,
                SanitizationMethod.OVERWRITE,
                Verification.FULL,
                DriveResult.PASSED),
            tuple(
                "S4GENX0R123456",
                "SAMSUNG MZVLB512H",
                SanitizationLevel.CLEAR,
                SanitizationMethod.OVERWRITE,
                Verification.FULL,
                DriveResult.PASSED));
    assertThat(report.drives().get(0).notes())
        .contains("/dev/sda", "160 MB/s", "05:12:31", "1R+B+VL", "erreurs : passes 0");
  }

  @ParameterizedTest(name = "{0} (nwipe {1})")
  @CsvSource(
      delimiter = ';',
      value = {
        "DoD 5220.22-M;0.28",
        "DoD Short;0.42",
        "Gutmann Wipe;0.38",
        "RCMP TSSIT OPS-II;0.30",
        "PRNG Stream;0.38",
        "Zero Fill;0.31",
        "Fill With Zeros;0.32",
        "Fill With Ones;0.42",
        "HMG IS5 Enhanced;0.35",
        "Bruce Schneier 7-Pass;0.39",
        "BMB21-2019;0.40"
      })
  void shouldMapEveryRealNwipeLabelToAnOverwriteThatIsClearOnEveryMedium(
      String label, String version) {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(log(label, SDA), errors);
    NwipeLogParser.checkLabelForVersion(run, version, errors);
    ReportedDrive drive = NwipeLogParser.toReport(run, version, "x", PARIS).drives().get(0);

    // then
    assertThat(errors).isEmpty();
    assertThat(drive.methodType()).isEqualTo(SanitizationLevel.CLEAR);
    assertThat(drive.method()).isEqualTo(SanitizationMethod.OVERWRITE);
    for (StorageType type : StorageType.values()) {
      assertThat(MediaPolicy.effectiveLevel(drive.methodType(), drive.method(), type))
          .as("%s on %s", label, type)
          .isEqualTo(SanitizationLevel.CLEAR);
    }
  }

  @Test
  void shouldKnowExactlyTheLabelsOfNwipesSources() {
    // given the labels of src/method.c, tags v0.28 to v0.42

    // when
    var labels = NwipeMethods.METHODS.keySet();

    // then
    assertThat(labels)
        .containsExactlyInAnyOrder(
            "DoD 5220.22-M",
            "DoD Short",
            "Gutmann Wipe",
            "RCMP TSSIT OPS-II",
            "PRNG Stream",
            "Zero Fill",
            "Fill With Zeros",
            "Fill With Ones",
            "HMG IS5 Enhanced",
            "Bruce Schneier 7-Pass",
            "BMB21-2019");
    assertThat(NwipeMethods.VERIFY_ONLY.keySet())
        .containsExactlyInAnyOrder("Verify Blank", "Verify Zeros (0x00)", "Verify Ones  (0xFF)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sanitize Overwrite (ATA/SCSI/NVMe)",
        "Sanitize Block Erase (ATA/SCSI/NVMe)",
        "Sanitize Crypto Erase (ATA/SCSI/NVMe)",
        "Secure Erase (ATA/NVMe)",
        "Secure Erase + PRNG + Verify",
        "Quick Erase",
        "DoD 5220.22M"
      })
  void shouldRefuseALabelThatNoNwipeReleaseWrites(String label) {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.parse(log(label, SDA), errors);

    // then
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.value()).isEqualTo(label);
              assertThat(e.message()).contains("aucune version de nwipe n'écrit ce libellé");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Verify Blank", "Verify Zeros (0x00)", "Verify Ones  (0xFF)"})
  void shouldRefuseARunThatOnlyVerified(String label) {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.parse(log(label, SDA), errors);

    // then
    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("n'a fait que vérifier"));
  }

  @Test
  void shouldRefuseALabelTheStatedReleaseDoesNotWrite() {
    // given a 0.38 log cannot say "Zero Fill" (0.31 and before) nor "BMB21-2019" (0.40 on)
    List<InputError> zeroFill = new ArrayList<>();
    List<InputError> bmb = new ArrayList<>();

    // when
    NwipeLogParser.checkLabelForVersion(
        NwipeLogParser.parse(log("Zero Fill", SDA), new ArrayList<>()), "0.38", zeroFill);
    NwipeLogParser.checkLabelForVersion(
        NwipeLogParser.parse(log("BMB21-2019", SDA), new ArrayList<>()), "0.38", bmb);

    // then
    assertThat(zeroFill)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("nwipe 0.38", "de 0.28 à 0.31"));
    assertThat(bmb)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("à partir de 0.40"));
  }

  @Test
  void shouldReportTheOtherDrivesWhenOneHasNoSerialNumber() {
    // given a USB stick without serial and a drive anonymised by nwipe -q
    String log =
        log(
            "PRNG Stream",
            SDA,
            "       sdb | Erased |   31 MB/s | 00:08:12 | Generic Flash Dis/",
            "       sdc | Erased |  120 MB/s | 01:22:01 | WDC WD10EZEX-08WN/XXXXXXXXXXXXXXXXXXXX");
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(log, errors);
    WipeReportContent report = NwipeLogParser.toReport(run, "0.38", "x", PARIS);

    // then
    assertThat(errors).isEmpty();
    assertThat(report.drives()).extracting(ReportedDrive::serialNumber).containsExactly("Z9A5V5ZQ");
    assertThat(run.warnings()).extracting(InputError::line).containsExactly(6, 7);
    assertThat(run.warnings().get(0).message())
        .contains("/dev/sdb", "Generic Flash Dis", "pas relevé de numéro de série", "non rattaché");
    assertThat(run.warnings().get(1).message()).contains("/dev/sdc", "anonymisé");
  }

  @Test
  void shouldRefuseALogWhoseDrivesAllLackASerialNumber() {
    // given
    String log = log("PRNG Stream", "     loop0 | Erased |  900 MB/s | 00:00:02 | /");
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(log, errors);

    // then
    assertThat(run.warnings()).hasSize(1);
    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Aucun support", "numéro de série"));
  }

  @Test
  void shouldReadTheSummaryOfNwipe030WithoutTitleNorErrorSummary() {
    // given the table of 0.30 (src/logging.c at v0.30): a line of stars, "! Device" header
    String log =
        """
        [2020/03/12 09:14:02]    info: nwipe 0.30

        ********************************************************************************
        ! Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
             sda | Erased |  153 MB/s | 01:48:14 | ST1000DM010-2EP10/Z9A5V5ZQ
        --------------------------------------------------------------------------------
        [2020/03/12 11:02:25] Total Throughput  153 MB/s, Zero Fill, 1R+NB+VA
        ********************************************************************************
        """;
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(log, errors);
    NwipeLogParser.checkLabelForVersion(run, run.version(), errors);

    // then
    assertThat(errors).isEmpty();
    assertThat(run.version()).isEqualTo("0.30");
    assertThat(run.drives())
        .extracting(NwipeSummaryTables.DriveRow::serialNumber)
        .containsExactly("Z9A5V5ZQ");
    assertThat(run.blanked()).isFalse();
    assertThat(run.verificationCode()).isEqualTo("VA");
  }

  @Test
  void shouldReadTheSummaryOfNwipe042WithItsErasureSummary() {
    // given the tables of 0.42 (src/logging.c at v0.42): Erasure Summary between the two
    String log =
        """
        [2025/03/12 09:14:02]    info: nwipe 0.42

        ******************************** Error Summary *********************************
        !   Device | Pass Errors | Verifications Errors | Fdatasync I\\O Errors
        --------------------------------------------------------------------------------
        !      sda |           2 |                    0 |                    0
        ********************************************************************************

        ******************************* Erasure Summary ********************************
        !   Device |      Bytes Erased |      Bytes Total | Percentage Erased
        --------------------------------------------------------------------------------
               sda |     1000204886016 |    1000204886016 |              100%
        ********************************************************************************

        ********************************* Drive Status *********************************
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
        !      sda |-FAILED-|  153 MB/s | 01:48:14 | ST1000DM010-2EP10/Z9A5V5ZQ
        --------------------------------------------------------------------------------
        [2025/03/12 11:02:25] Total Throughput  153 MB/s, BMB21-2019, 1R+B+VL
        ********************************************************************************
        """;
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run = NwipeLogParser.parse(log, errors);
    NwipeLogParser.checkLabelForVersion(run, run.version(), errors);
    ReportedDrive drive = NwipeLogParser.toReport(run, "0.42", "x", PARIS).drives().get(0);

    // then
    assertThat(errors).isEmpty();
    assertThat(drive.result()).isEqualTo(DriveResult.FAILED);
    assertThat(drive.notes()).contains("erreurs : passes 2");
  }

  @Test
  void shouldReadAFailedDriveAndAnOverwriteWithoutVerification() {
    // given
    String log =
        """
        ********************************* Drive Status *********************************
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
        !      sdb |-FAILED-|  120 MB/s | 01:22:01 | WDC WD10EZEX-08WN/WD-WCC6Y3TN1234
               sdc |UABORTED|  118 MB/s | 00:02:11 | WDC WD10EZEX-08WN/WD-WCC6Y3TN5678
        --------------------------------------------------------------------------------
        [2026/03/12 11:02:25] Total Throughput  238 MB/s, DoD Short, 1R+B+NV
        ********************************************************************************
        """;
    List<InputError> errors = new ArrayList<>();

    // when
    WipeReportContent report =
        NwipeLogParser.toReport(NwipeLogParser.parse(log, errors), "0.34", "x", PARIS);

    // then
    assertThat(errors).isEmpty();
    assertThat(report.drives())
        .extracting(ReportedDrive::result, ReportedDrive::methodType, ReportedDrive::verification)
        .containsOnly(tuple(DriveResult.FAILED, SanitizationLevel.CLEAR, Verification.NONE));
  }

  @Test
  void shouldNameTheLineOfAnUnreadableRow() {
    // given
    String log =
        """
        [2026/03/12 09:14:02]  notice: Opened entropy source '/dev/urandom'.
        ********************************* Drive Status *********************************
        !   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
        --------------------------------------------------------------------------------
               sda | Erased |  153 MB/s | 01:48:14 | ST1000DM010-2EP10/Z9A5V5ZQ
               sdb   Erased   lost columns
               sdc | Done   |  153 MB/s | 01:48:14 | ST1000DM010-2EP10/Z9A5V5ZR
        --------------------------------------------------------------------------------
        [2026/03/12 11:02:25] Total Throughput  153 MB/s, Verify Zeros (0x00), 1R+B+VL
        ********************************************************************************
        """;
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.parse(log, errors);

    // then
    assertThat(errors).extracting(InputError::line).containsExactly(6, 7, 9);
    assertThat(errors.get(0).message()).contains("illisible");
    assertThat(errors.get(1).message()).contains("Statut inconnu");
    assertThat(errors.get(2).message()).contains("vérifier");
  }

  @Test
  void shouldRefuseALogWithoutTheDriveStatusTable() {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    NwipeLogParser.NwipeRun run =
        NwipeLogParser.parse("[2026/03/12 09:14:02]  notice: Opened entropy source.\n", errors);

    // then
    assertThat(run).isNull();
    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Drive Status"));
  }
}
