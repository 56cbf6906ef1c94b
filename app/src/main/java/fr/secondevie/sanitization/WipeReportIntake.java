package fr.secondevie.sanitization;

import static fr.secondevie.sanitization.WipeReportChecks.checkSize;
import static fr.secondevie.sanitization.WipeReportChecks.param;
import static fr.secondevie.sanitization.WipeReportChecks.prefix;
import static fr.secondevie.sanitization.WipeReportChecks.reject;
import static fr.secondevie.sanitization.WipeReportChecks.stillHere;
import static fr.secondevie.sanitization.WipeReportChecks.text;
import static fr.secondevie.sanitization.WipeReportChecks.utf8;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.Asset;
import fr.secondevie.sanitization.WipeReport.Source;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The intake of wipe reports: validates a submitted report in full (asset, drives known by serial
 * number, every field), then — only if nothing is wrong — stores the raw report as a document, its
 * reading and a custody entry in one transaction, and publishes message {@code
 * SanitizationReported} to the asset's process. The same report sent again (same asset, same bytes)
 * is recognised: nothing is stored twice, and it is published again only if the first publication
 * failed.
 */
@NamedInterface("api")
@Service
public class WipeReportIntake {

  /** Largest accepted report. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  static final ZoneId STATION_ZONE = ZoneId.of("Europe/Paris");

  /** How far in the future a report may be dated: the clock of a wiping station drifts. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Pattern DRIVE_FIELD = Pattern.compile("^drives\\[(\\d+)\\]\\..*$");

  private final WipeReportChecks checks;
  private final WipeReportStorage storage;
  private final WipeReportRepository reports;
  private final ObjectMapper json;

  WipeReportIntake(
      WipeReportChecks checks,
      WipeReportStorage storage,
      WipeReportRepository reports,
      ObjectMapper json) {
    this.checks = checks;
    this.storage = storage;
    this.reports = reports;
    this.json = json;
  }

  /** A report in our JSON schema. */
  public record JsonSubmission(byte[] body, String submittedBy) {}

  /**
   * An nwipe log, with what the log does not say.
   *
   * @param toolVersion required when the log has no {@code nwipe x.y} banner
   */
  public record NwipeSubmission(
      byte[] body,
      Long assetId,
      String inventoryNumber,
      String operator,
      String toolVersion,
      String submittedBy) {}

  /** The outputs of {@code nvme id-ctrl -o json} and {@code nvme sanitize-log -o json}. */
  public record NvmeOutputs(byte[] idCtrl, byte[] sanitizeLog) {}

  /** The outputs of {@code hdparm --security-erase(-enhanced)} and {@code hdparm -I} after it. */
  public record HdparmOutputs(byte[] erase, byte[] identify) {}

  /**
   * Purge evidence from the drives' own commands, with what the outputs do not say: when the erase
   * ran and how the operator verified it.
   *
   * @param performedOn ISO date-time (or date) of the erase, station time when without offset
   * @param verification {@code FULL} or {@code SAMPLING}: how the operator verified the result
   */
  public record DeviceCommandSubmission(
      Long assetId,
      String inventoryNumber,
      String operator,
      String performedOn,
      String verification,
      List<NvmeOutputs> nvme,
      List<HdparmOutputs> hdparm,
      String submittedBy) {

    public DeviceCommandSubmission {
      nvme = nvme == null ? List.of() : List.copyOf(nvme);
      hdparm = hdparm == null ? List.of() : List.copyOf(hdparm);
    }
  }

  /**
   * What the intake did.
   *
   * @param created false when the same report had been received before
   * @param published whether the process was told already (false while the publication is pending:
   *     it follows the commit, and is retried until the runtime takes it)
   * @param messageKey the published message's key, when known
   */
  public record Receipt(
      WipeReport report,
      String inventoryNumber,
      boolean created,
      boolean published,
      Long messageKey,
      List<InputError> warnings) {

    public Receipt {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    Receipt withWarnings(List<InputError> more) {
      return new Receipt(report, inventoryNumber, created, published, messageKey, more);
    }
  }

  /**
   * @throws InvalidInputException with every problem found, in order; nothing is stored
   */
  public Receipt receive(JsonSubmission submission) {
    List<InputError> errors = new ArrayList<>();
    checkSize(submission.body(), errors);
    JsonWipeReportReader.Parsed parsed =
        errors.isEmpty() ? JsonWipeReportReader.read(submission.body(), json, errors) : null;
    Asset asset = null;
    if (parsed != null) {
      asset =
          stillHere(
              checks.asset(
                  parsed.assetId(), parsed.inventoryNumber(), "assetId", "inventoryNumber", errors),
              parsed.assetId() != null ? "assetId" : "inventoryNumber",
              errors);
      Instant performedAt =
          checks.checkPerformedOn(parsed.content().performedOn(), "performedOn", null, errors);
      if (asset != null) {
        checks.checkCollection(
            asset, parsed.content().performedOn(), performedAt, "performedOn", null, errors);
        checks.checkDrives(asset, parsed.content(), errors, null);
        checks.checkNotCertified(
            asset,
            Source.JSON,
            submission.body(),
            parsed.assetId() != null ? "assetId" : "inventoryNumber",
            errors);
      }
    }
    reject(errors);
    return storage.store(
        asset,
        Source.JSON,
        parsed.content(),
        submission.body(),
        "application/json",
        "json",
        submission.submittedBy(),
        List.of());
  }

  /**
   * @throws InvalidInputException with every problem found, in order; nothing is stored
   */
  public Receipt receive(NwipeSubmission submission) {
    List<InputError> errors = new ArrayList<>();
    checkSize(submission.body(), errors);
    Asset asset = checks.assetStillHere(submission.assetId(), submission.inventoryNumber(), errors);
    String operator = param(submission.operator(), "operator", 120, true, errors);
    String version = param(submission.toolVersion(), "toolVersion", 40, false, errors);
    String text =
        errors.stream().anyMatch(e -> e.field() == null) ? null : utf8(submission.body(), errors);
    NwipeLogParser.NwipeRun run = text == null ? null : NwipeLogParser.parse(text, errors);
    WipeReportContent content = null;
    if (run != null) {
      String toolVersion = version != null ? version : run.version();
      if (toolVersion == null) {
        errors.add(
            InputError.of(
                "toolVersion",
                "Le journal n'indique pas la version de nwipe : précisez le paramètre toolVersion."));
      }
      NwipeLogParser.checkLabelForVersion(run, toolVersion, errors);
      content = NwipeLogParser.toReport(run, toolVersion, operator, STATION_ZONE);
      Instant performedAt =
          checks.checkPerformedOn(content.performedOn(), null, run.finishedAtLine(), errors);
      if (asset != null) {
        checks.checkCollection(
            asset, content.performedOn(), performedAt, null, run.finishedAtLine(), errors);
        checks.checkNotCertified(
            asset,
            Source.NWIPE_LOG,
            submission.body(),
            submission.assetId() != null ? "assetId" : "inventoryNumber",
            errors);
        Map<String, Integer> lines = new HashMap<>();
        run.drives().forEach(d -> lines.put(ReportCheck.key(d.serialNumber()), d.line()));
        checks.checkDrives(asset, content, errors, lines);
      }
    }
    reject(errors);
    return storage
        .store(
            asset,
            Source.NWIPE_LOG,
            content,
            submission.body(),
            "text/plain",
            "log",
            submission.submittedBy(),
            run.warnings())
        .withWarnings(run.warnings());
  }

  /**
   * Accepts the outputs of nvme-cli and hdparm for one asset as one report (tool {@code nvme-cli},
   * {@code hdparm} or both): each pair is read ({@link NvmeSanitizeEvidence}, {@link
   * HdparmEraseEvidence}) and its serial number checked against the asset's drives. The raw outputs
   * are stored together as the report's document.
   *
   * @throws InvalidInputException with every problem found, in order; nothing is stored
   */
  public Receipt receive(DeviceCommandSubmission submission) {
    List<InputError> errors = new ArrayList<>();
    Asset asset = checks.assetStillHere(submission.assetId(), submission.inventoryNumber(), errors);
    String operator = param(submission.operator(), "operator", 120, true, errors);
    String performedOn = param(submission.performedOn(), "performedOn", 40, true, errors);
    Instant performedAt = null;
    if (performedOn != null) {
      try {
        performedAt = checks.checkPerformedOn(performedOn, "performedOn", null, errors);
      } catch (DateTimeParseException e) {
        errors.add(
            InputError.of(
                "performedOn",
                performedOn,
                "Date de l'effacement attendue (AAAA-MM-JJThh:mm, heure du poste)."));
        performedOn = null;
      }
    }
    Verification verification = null;
    String declared = param(submission.verification(), "verification", 16, true, errors);
    if (declared != null) {
      if ("FULL".equals(declared) || "SAMPLING".equals(declared)) {
        verification = Verification.valueOf(declared);
      } else {
        errors.add(
            InputError.of(
                "verification",
                declared,
                "FULL (relecture complète) ou SAMPLING (relecture par échantillonnage) : sans"
                    + " vérification, pas de certificat."));
      }
    }
    if (submission.nvme().isEmpty() && submission.hdparm().isEmpty()) {
      errors.add(
          new InputError(
              null,
              null,
              null,
              "Aucune sortie de commande : joignez nvme id-ctrl + nvme sanitize-log (NVMe) ou"
                  + " hdparm --security-erase + hdparm -I (ATA)."));
    }
    List<ReportedDrive> drives = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    Map<String, Object> raw = new java.util.LinkedHashMap<>();
    List<Map<String, String>> rawNvme = new ArrayList<>();
    List<Map<String, String>> rawHdparm = new ArrayList<>();
    Set<String> tools = new java.util.LinkedHashSet<>();
    for (int i = 0; i < submission.nvme().size(); i++) {
      NvmeOutputs outputs = submission.nvme().get(i);
      List<InputError> found = new ArrayList<>();
      ReportedDrive drive =
          NvmeSanitizeEvidence.read(
              outputs.idCtrl(), outputs.sanitizeLog(), verification, json, found);
      prefix(found, "nvme[" + i + "].", errors);
      if (drive != null) {
        drives.add(drive);
        origins.add("nvme[" + i + "].idCtrl.sn");
      }
      tools.add(NvmeSanitizeEvidence.TOOL);
      rawNvme.add(
          Map.of(
              "idCtrl", text(outputs.idCtrl(), "nvme[" + i + "].idCtrl", errors),
              "sanitizeLog", text(outputs.sanitizeLog(), "nvme[" + i + "].sanitizeLog", errors)));
    }
    for (int i = 0; i < submission.hdparm().size(); i++) {
      HdparmOutputs outputs = submission.hdparm().get(i);
      String erase = text(outputs.erase(), "hdparm[" + i + "].erase", errors);
      String identify = text(outputs.identify(), "hdparm[" + i + "].identify", errors);
      List<InputError> found = new ArrayList<>();
      ReportedDrive drive = HdparmEraseEvidence.read(erase, identify, verification, found);
      prefix(found, "hdparm[" + i + "].", errors);
      if (drive != null) {
        drives.add(drive);
        origins.add("hdparm[" + i + "].identify");
      }
      tools.add(HdparmEraseEvidence.TOOL);
      rawHdparm.add(Map.of("erase", erase, "identify", identify));
    }
    raw.put("performedOn", performedOn);
    raw.put("verification", declared);
    raw.put("nvme", rawNvme);
    raw.put("hdparm", rawHdparm);
    WipeReportContent content =
        new WipeReportContent(
            String.join(" + ", tools), "non indiquée", operator, null, performedOn, drives);
    if (asset != null && performedOn != null) {
      checks.checkCollection(asset, performedOn, performedAt, "performedOn", null, errors);
    }
    byte[] body = null;
    if (asset != null && errors.isEmpty()) {
      try {
        body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(raw);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("the raw outputs are strings", e);
      }
      checkSize(body, errors);
      checks.checkNotCertified(asset, Source.DEVICE_COMMAND, body, "inventoryNumber", errors);
      List<InputError> found = new ArrayList<>();
      checks.checkDrives(asset, content, found, null);
      for (InputError e : found) {
        // drives[i] is the i-th drive read: name the output it was read from
        Matcher m = DRIVE_FIELD.matcher(e.field() == null ? "" : e.field());
        errors.add(
            m.matches()
                ? new InputError(
                    origins.get(Integer.parseInt(m.group(1))), null, e.value(), e.message())
                : e);
      }
    }
    reject(errors);
    return storage.store(
        asset,
        Source.DEVICE_COMMAND,
        content,
        body,
        "application/json",
        "json",
        submission.submittedBy(),
        List.of());
  }

  /** A stored report by its reference, if it exists. */
  public Optional<WipeReport> find(String reference) {
    Long id = WipeReport.idOf(reference);
    return id == null ? Optional.empty() : reports.findById(id);
  }
}
