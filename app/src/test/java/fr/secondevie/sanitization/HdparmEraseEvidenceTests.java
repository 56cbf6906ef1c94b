package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.common.InputError;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outputs of {@code hdparm --security-erase} and {@code hdparm -I}, as hdparm 9.x writes them
 * (samples/hdparm-*-chu.txt).
 */
class HdparmEraseEvidenceTests {

  static String sample(String name) throws IOException {
    return Files.readString(Path.of("..", "samples", name), StandardCharsets.UTF_8);
  }

  static String erase() throws IOException {
    return sample("hdparm-security-erase-chu.txt");
  }

  static String identify() throws IOException {
    return sample("hdparm-identify-chu.txt");
  }

  @Test
  void shouldReadTheSampleEraseAsPurgeOfAHardDiskOnly() throws IOException {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive =
        HdparmEraseEvidence.read(erase(), identify(), Verification.SAMPLING, errors);

    // then
    assertThat(errors).isEmpty();
    assertThat(drive.serialNumber()).isEqualTo("Z9A5V5ZQ");
    assertThat(drive.model()).isEqualTo("ST1000DM010-2EP102");
    assertThat(drive.methodType()).isEqualTo(SanitizationLevel.PURGE);
    assertThat(drive.method()).isEqualTo(SanitizationMethod.SECURE_ERASE);
    assertThat(drive.notes()).contains("/dev/sda", "SECURITY ERASE UNIT");
    assertThat(MediaPolicy.effectiveLevel(drive.methodType(), drive.method(), StorageType.HDD))
        .isEqualTo(SanitizationLevel.PURGE);
    assertThat(MediaPolicy.effectiveLevel(drive.methodType(), drive.method(), StorageType.SSD))
        .isEqualTo(SanitizationLevel.CLEAR);
  }

  @Test
  void shouldRefuseAnEraseThatHdparmReportsAsFailedNamingItsLine() throws IOException {
    // given: perror() output of hdparm.c, captured with 2>&1
    String failed = erase() + "SECURITY_ERASE: Input/output error\n";
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive = HdparmEraseEvidence.read(failed, identify(), Verification.FULL, errors);

    // then
    assertThat(drive).isNull();
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("erase");
              assertThat(e.line()).isEqualTo(5);
              assertThat(e.message()).contains("Input/output error");
            });
  }

  @Test
  void shouldRefuseADriveStillLockedAfterTheErase() throws IOException {
    // given: the password set with --security-set-pass is still there
    String locked =
        identify()
            .replace("\tnot\tenabled\n", "\t\tenabled\n")
            .replace("\tnot\tlocked\n", "\t\tlocked\n");
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive = HdparmEraseEvidence.read(erase(), locked, Verification.FULL, errors);

    // then
    assertThat(drive).isNull();
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("identify");
              assertThat(e.line()).isEqualTo(9);
              assertThat(e.message()).contains("encore activée");
            });
  }

  @Test
  void shouldRefuseOutputsOfTwoDevicesOrAnotherCommand() throws IOException {
    // given
    List<InputError> otherDevice = new ArrayList<>();
    List<InputError> setPass = new ArrayList<>();

    // when
    HdparmEraseEvidence.read(
        erase().replace("/dev/sda:", "/dev/sdb:"), identify(), Verification.FULL, otherDevice);
    HdparmEraseEvidence.read(
        "security_password: \"chu76\"\n\n/dev/sda:\n Issuing SECURITY_SET_PASS command,"
            + " password=\"chu76\", user=user, mode=high\n",
        identify(),
        Verification.FULL,
        setPass);

    // then
    assertThat(otherDevice)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("/dev/sdb", "/dev/sda"));
    assertThat(setPass).extracting(InputError::line).containsExactly(4, null);
  }

  @Test
  void shouldRefuseAnIdentifyWithoutSerialNumber() throws IOException {
    // given
    String noSerial = identify().replace("\tSerial Number:      Z9A5V5ZQ\n", "");
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive = HdparmEraseEvidence.read(erase(), noSerial, Verification.FULL, errors);

    // then
    assertThat(drive).isNull();
    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Serial Number"));
  }
}
