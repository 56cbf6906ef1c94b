package fr.secondevie.sanitization;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.InputError;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purge evidence of an NVMe drive from nvme-cli: the output of {@code nvme id-ctrl /dev/nvmeX -o
 * json} (the serial number, which the sanitize log does not hold) and of {@code nvme sanitize-log
 * /dev/nvmeX -o json} (the outcome of the last SANITIZE command), both as nvme-cli writes them
 * (function {@code json_sanitize_log} of {@code nvme-print.c} in 1.x, {@code nvme-print-json.c}
 * from 2.x; same keys from v1.16 to 3.0-rc1, 2.11 adding {@code sstat.media_verification_canceled}
 * and {@code sanitize_state_information}):
 *
 * <pre>
 * {"nvme0":{"sprog":65535,"sstat":{"global_erased":1,"no_cmplted_passes":1,
 *   "status":"(1) Most Recent Sanitize Command Completed Successfully."},
 *   "cdw10_info":2,"time_over_write":4294967295,…}}
 * </pre>
 *
 * {@code sstat.status} is {@code "(%d) %s"}: the Sanitize Operation Status of the NVMe log page 81h
 * (0 never sanitized, 1 completed, 2 in progress, 3 failed, 4 completed without deallocation).
 * {@code cdw10_info} is the command's dword 10: bits 2:0 the Sanitize Action (2 block erase, 3
 * overwrite, 4 crypto erase; 1 only exits the failure mode), bits 7:4 the overwrite pass count. In
 * {@code id-ctrl}, {@code sn} is the 20 characters of the controller's serial number (padded with
 * spaces) and {@code sanicap} says which actions the controller supports (bit 0 crypto erase, 1
 * block erase, 2 overwrite).
 */
final class NvmeSanitizeEvidence {

  static final String TOOL = "nvme-cli";

  private static final Pattern STATUS = Pattern.compile("^\\((\\d+)\\)\\s*(.*)$");

  private NvmeSanitizeEvidence() {}

  /** A SANITIZE action of NVMe: its code, technique and the bit of {@code sanicap} saying so. */
  private record Action(String label, SanitizationMethod method, int sanicapBit) {}

  private static final Map<Integer, Action> ACTIONS =
      Map.of(
          2, new Action("Block Erase", SanitizationMethod.BLOCK_ERASE, 1),
          3, new Action("Overwrite", SanitizationMethod.SANITIZE_COMMAND, 2),
          4, new Action("Crypto Erase", SanitizationMethod.CRYPTO_ERASE, 0));

  /**
   * Reads both outputs; problems go to {@code errors} with the field they concern ({@code
   * idCtrl.sn}, {@code sanitizeLog.nvme0.sstat.status}…). Null when the evidence is not accepted.
   *
   * @param verification how the operator verified the result (the log page does not say)
   */
  static ReportedDrive read(
      byte[] idCtrl,
      byte[] sanitizeLog,
      Verification verification,
      ObjectMapper json,
      List<InputError> errors) {
    int before = errors.size();
    JsonNode ctrl = parse(idCtrl, "idCtrl", "nvme id-ctrl -o json", json, errors);
    JsonNode log = parse(sanitizeLog, "sanitizeLog", "nvme sanitize-log -o json", json, errors);
    String serial = null;
    String model = null;
    Long sanicap = null;
    if (ctrl != null) {
      serial = text(ctrl, "sn");
      model = text(ctrl, "mn");
      if (serial == null) {
        errors.add(
            InputError.of(
                "idCtrl.sn",
                ctrl.get("sn"),
                "Numéro de série (« sn ») absent ou vide : la sortie de « nvme id-ctrl -o json »"
                    + " est attendue."));
      }
      sanicap = ctrl.path("sanicap").canConvertToLong() ? ctrl.get("sanicap").asLong() : null;
    }
    String device = null;
    Action action = null;
    String notes = null;
    if (log != null) {
      if (log.size() != 1 || !log.fields().next().getValue().isObject()) {
        errors.add(
            InputError.of(
                "sanitizeLog",
                "Un seul objet attendu, nommé d'après le périphérique ({\"nvme0\":{\"sprog\":…,"
                    + " \"sstat\":{…}, \"cdw10_info\":…}}), comme l'écrit « nvme sanitize-log -o"
                    + " json »."));
        return null;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = log.fields();
      Map.Entry<String, JsonNode> entry = fields.next();
      device = entry.getKey();
      JsonNode page = entry.getValue();
      String prefix = "sanitizeLog." + device;
      String status = text(page.path("sstat"), "status");
      Matcher m = status == null ? null : STATUS.matcher(status);
      if (m == null || !m.matches()) {
        errors.add(
            InputError.of(
                prefix + ".sstat.status", status, "État « (n) texte » attendu dans sstat.status."));
      } else {
        int code = Integer.parseInt(m.group(1));
        String refusal =
            switch (code) {
              case 1, 4 -> null;
              case 0 -> "Le support n'a jamais été assaini (aucune commande SANITIZE).";
              case 2 ->
                  "Assainissement en cours (progression %d/65536) : attendez la fin et relevez à nouveau le journal."
                      .formatted(page.path("sprog").asInt());
              case 3 ->
                  "La dernière commande SANITIZE a échoué%s : le support n'est pas assaini."
                      .formatted(
                          page.path("sanitize_state_information").has("failure_state")
                              ? " ("
                                  + page.path("sanitize_state_information")
                                      .path("failure_state")
                                      .asText()
                                  + ")"
                              : "");
              default -> "État d'assainissement inconnu (%d).".formatted(code);
            };
        if (refusal != null) {
          errors.add(InputError.of(prefix + ".sstat.status", status, refusal));
        }
      }
      JsonNode cdw10 = page.get("cdw10_info");
      if (cdw10 == null || !cdw10.canConvertToLong()) {
        errors.add(
            InputError.of(
                prefix + ".cdw10_info",
                cdw10,
                "Entier attendu (mot 10 de la commande SANITIZE : l'action effectuée)."));
      } else {
        long dword = cdw10.asLong();
        int sanact = (int) (dword & 0x7);
        action = ACTIONS.get(sanact);
        if (action == null) {
          errors.add(
              InputError.of(
                  prefix + ".cdw10_info",
                  dword,
                  switch (sanact) {
                    case 1 -> "Action SANITIZE 1 (sortie du mode d'échec) : rien n'a été effacé.";
                    case 5 ->
                        "Action SANITIZE 5 (sortie de la vérification du support) : rien n'a été effacé.";
                    default ->
                        "Action SANITIZE %d inconnue (2 Block Erase, 3 Overwrite, 4 Crypto Erase)."
                            .formatted(sanact);
                  }));
        } else if (sanicap != null && (sanicap & (1L << action.sanicapBit())) == 0) {
          errors.add(
              InputError.of(
                  prefix + ".cdw10_info",
                  dword,
                  "Le contrôleur (sanicap = %d dans id-ctrl) ne prend pas en charge l'action %s : les deux sorties ne viennent pas du même support."
                      .formatted(sanicap, action.label())));
        } else {
          int passes = (int) ((dword >> 4) & 0xF);
          notes =
              "nvme-cli, /dev/%s, SANITIZE %s%s, état « %s », global_erased=%s ; vérification déclarée par l'opérateur"
                  .formatted(
                      device,
                      action.label(),
                      sanact == 3 ? " (%d passe(s))".formatted(passes == 0 ? 16 : passes) : "",
                      status,
                      page.path("sstat").path("global_erased").asText("?"));
        }
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new ReportedDrive(
        serial,
        SanitizationLevel.PURGE,
        action.method(),
        verification,
        DriveResult.PASSED,
        notes.length() > 500 ? notes.substring(0, 500) : notes,
        null,
        model);
  }

  private static JsonNode parse(
      byte[] body, String field, String command, ObjectMapper json, List<InputError> errors) {
    if (body == null || body.length == 0) {
      errors.add(InputError.of(field, "Sortie de « %s » manquante.".formatted(command)));
      return null;
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        errors.add(
            InputError.of(field, "Objet JSON attendu (sortie de « %s »).".formatted(command)));
        return null;
      }
      return node;
    } catch (JacksonException e) {
      errors.add(
          new InputError(
              field,
              e.getLocation() == null ? null : e.getLocation().getLineNr(),
              null,
              "JSON illisible (sortie de « %s » attendue) : %s"
                  .formatted(command, e.getOriginalMessage())));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("reading an array in memory", e);
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    return value.asText().strip();
  }
}
