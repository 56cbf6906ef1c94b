package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.InputError;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outputs of {@code nvme id-ctrl -o json} and {@code nvme sanitize-log -o json}, as nvme-cli
 * writes them (samples/nvme-*-chu.json: nvme-cli 2.4, the release of Debian 12).
 */
class NvmeSanitizeEvidenceTests {

  static final ObjectMapper JSON = new ObjectMapper();

  static byte[] sample(String name) throws IOException {
    return Files.readAllBytes(Path.of("..", "samples", name));
  }

  static byte[] idCtrl() throws IOException {
    return sample("nvme-id-ctrl-chu.json");
  }

  static byte[] sanitizeLog() throws IOException {
    return sample("nvme-sanitize-log-chu.json");
  }

  /** The sample sanitize log with another status and command dword 10. */
  static byte[] sanitizeLog(String status, int cdw10) throws IOException {
    return new String(sanitizeLog(), StandardCharsets.UTF_8)
        .replace("(1) Most Recent Sanitize Command Completed Successfully.", status)
        .replace("\"cdw10_info\": 2,", "\"cdw10_info\": %d,".formatted(cdw10))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadABlockEraseOfTheSampleAsPurgeOfTheNvmeDrive() throws IOException {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive =
        NvmeSanitizeEvidence.read(idCtrl(), sanitizeLog(), Verification.SAMPLING, JSON, errors);

    // then
    assertThat(errors).isEmpty();
    assertThat(drive.serialNumber()).isEqualTo("S4GENX0R123456");
    assertThat(drive.model()).isEqualTo("SAMSUNG MZVLB512HBJQ-000L7");
    assertThat(drive.methodType()).isEqualTo(SanitizationLevel.PURGE);
    assertThat(drive.method()).isEqualTo(SanitizationMethod.BLOCK_ERASE);
    assertThat(drive.result()).isEqualTo(DriveResult.PASSED);
    assertThat(drive.verification()).isEqualTo(Verification.SAMPLING);
    assertThat(drive.notes()).contains("/dev/nvme0", "SANITIZE Block Erase", "global_erased=1");
    assertThat(MediaPolicy.effectiveLevel(drive.methodType(), drive.method(), StorageType.NVME))
        .isEqualTo(SanitizationLevel.PURGE);
  }

  @ParameterizedTest(name = "cdw10_info {0} → {1}")
  @CsvSource({"4, CRYPTO_ERASE", "3, SANITIZE_COMMAND", "2, BLOCK_ERASE"})
  void shouldNameTheSanitizeActionOfCommandDword10(int cdw10, SanitizationMethod method)
      throws IOException {
    // given
    byte[] idCtrl =
        new String(idCtrl(), StandardCharsets.UTF_8)
            .replace("\"sanicap\": 3,", "\"sanicap\": 7,")
            .getBytes(StandardCharsets.UTF_8);
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive =
        NvmeSanitizeEvidence.read(
            idCtrl,
            sanitizeLog("(1) Most Recent Sanitize Command Completed Successfully.", cdw10),
            Verification.FULL,
            JSON,
            errors);

    // then
    assertThat(errors).isEmpty();
    assertThat(drive.method()).isEqualTo(method);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "(0) NVM Subsystem has never been sanitized.;jamais été assaini",
        "(2) Sanitize in Progress.;en cours",
        "(3) Most Recent Sanitize Command Failed.;a échoué"
      })
  void shouldRefuseASanitizeLogThatDoesNotShowACompletedSanitize(String status, String reason)
      throws IOException {
    // given
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive =
        NvmeSanitizeEvidence.read(
            idCtrl(), sanitizeLog(status, 2), Verification.FULL, JSON, errors);

    // then
    assertThat(drive).isNull();
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("sanitizeLog.nvme0.sstat.status");
              assertThat(e.value()).isEqualTo(status);
              assertThat(e.message()).contains(reason);
            });
  }

  @Test
  void shouldAcceptTheNoDeallocateSuccessOfNvmeCli213WithItsStateInformation() throws IOException {
    // given the shape of nvme-cli 2.11 and later (sanitize_state_information)
    String log =
        """
        {
          "nvme0":{
            "sprog":65535,
            "sstat":{
              "media_verification_canceled":0,
              "global_erased":0,
              "no_cmplted_passes":1,
              "status":"(4) Most Recent Sanitize Command (No-Deallocate After Sanitize) Completed Successfully."
            },
            "cdw10_info":516,
            "time_over_write":4294967295,
            "time_block_erase":4294967295,
            "time_crypto_erase":4294967295,
            "time_over_write_no_dealloc":4294967295,
            "time_block_erase_no_dealloc":4294967295,
            "time_crypto_erase_no_dealloc":4294967295,
            "time_post_verification_dealloc":4294967295,
            "sanitize_state_information":{
              "sanitize_state":"(0) Idle state"
            }
          }
        }
        """;
    List<InputError> errors = new ArrayList<>();

    // when
    ReportedDrive drive =
        NvmeSanitizeEvidence.read(
            idCtrl(), log.getBytes(StandardCharsets.UTF_8), Verification.FULL, JSON, errors);

    // then: 516 = 0x204, action 4 (crypto erase) with No-Deallocate After Sanitize
    assertThat(errors).isEmpty();
    assertThat(drive.method()).isEqualTo(SanitizationMethod.CRYPTO_ERASE);
  }

  @Test
  void shouldRefuseAnActionThatErasesNothingOrThatTheControllerDoesNotSupport() throws IOException {
    // given: action 1 exits the failure mode; the sample controller (sanicap 3) has no overwrite
    List<InputError> exit = new ArrayList<>();
    List<InputError> unsupported = new ArrayList<>();
    String ok = "(1) Most Recent Sanitize Command Completed Successfully.";

    // when
    NvmeSanitizeEvidence.read(idCtrl(), sanitizeLog(ok, 1), Verification.FULL, JSON, exit);
    NvmeSanitizeEvidence.read(idCtrl(), sanitizeLog(ok, 3), Verification.FULL, JSON, unsupported);

    // then
    assertThat(exit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("sanitizeLog.nvme0.cdw10_info");
              assertThat(e.message()).contains("rien n'a été effacé");
            });
    assertThat(unsupported)
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("sanicap = 3", "Overwrite"));
  }

  @Test
  void shouldRefuseAnIdCtrlWithoutSerialNumberAndOutputsThatAreNotNvmeCliJson() throws IOException {
    // given
    byte[] noSerial =
        new String(idCtrl(), StandardCharsets.UTF_8)
            .replace("\"sn\": \"S4GENX0R123456      \"", "\"sn\": \"                    \"")
            .getBytes(StandardCharsets.UTF_8);
    List<InputError> missingSerial = new ArrayList<>();
    List<InputError> notJson = new ArrayList<>();

    // when
    NvmeSanitizeEvidence.read(noSerial, sanitizeLog(), Verification.FULL, JSON, missingSerial);
    NvmeSanitizeEvidence.read(
        "Sanitize Progress : 65535".getBytes(StandardCharsets.UTF_8),
        "[]".getBytes(StandardCharsets.UTF_8),
        Verification.FULL,
        JSON,
        notJson);

    // then
    assertThat(missingSerial)
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("idCtrl.sn"));
    assertThat(notJson).extracting(InputError::field).containsExactly("idCtrl", "sanitizeLog");
  }
}
