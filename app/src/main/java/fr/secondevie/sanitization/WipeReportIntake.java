package fr.secondevie.sanitization;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.sanitization.WipeReport.Source;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of wipe reports: validates a submitted report in full (asset, drives known by serial
 * number, every field), then — only if nothing is wrong — stores the raw report as a document, its
 * reading and a custody entry in one transaction, and publishes message {@code
 * SanitizationReported} to the asset's process. The same report sent again (same asset, same bytes)
 * is recognised: nothing is stored twice, and it is published again only if the first publication
 * failed.
 */
@Service
public class WipeReportIntake {

  /** Largest accepted report. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  static final ZoneId STATION_ZONE = ZoneId.of("Europe/Paris");

  /** How far in the future a report may be dated: the clock of a wiping station drifts. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private static final Pattern DRIVE_FIELD = Pattern.compile("^drives\\[(\\d+)\\]\\..*$");

  private final InventoryService inventory;
  private final InspectionService inspections;
  private final CertificateRepository certificates;
  private final DocumentService documents;
  private final WipeReportRepository reports;
  private final WipeReportPublisher publisher;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;

  WipeReportIntake(
      InventoryService inventory,
      InspectionService inspections,
      CertificateRepository certificates,
      DocumentService documents,
      WipeReportRepository reports,
      WipeReportPublisher publisher,
      TransactionTemplate transactions,
      ObjectMapper json,
      Clock clock) {
    this.inventory = inventory;
    this.inspections = inspections;
    this.certificates = certificates;
    this.documents = documents;
    this.reports = reports;
    this.publisher = publisher;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
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
   * @param messageKey the published message's key; null when it was published before
   */
  public record Receipt(
      WipeReport report,
      String inventoryNumber,
      boolean created,
      boolean published,
      Long messageKey,
      List<IntakeError> warnings) {

    public Receipt {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    Receipt withWarnings(List<IntakeError> more) {
      return new Receipt(report, inventoryNumber, created, published, messageKey, more);
    }
  }

  /** The publication failed after the report was stored; sending it again retries. */
  public static class PublicationFailedException extends RuntimeException {

    private final String reference;

    PublicationFailedException(String reference, Throwable cause) {
      super(
          "Rapport %s enregistré, mais le message SanitizationReported n'a pas pu être publié (%s). Renvoyez le même rapport pour réessayer."
              .formatted(reference, cause.getMessage()),
          cause);
      this.reference = reference;
    }

    public String reference() {
      return reference;
    }
  }

  /**
   * @throws IntakeRejectedException with every problem found; nothing is stored
   * @throws PublicationFailedException stored, but not published
   */
  public Receipt receive(JsonSubmission submission) {
    List<IntakeError> errors = new ArrayList<>();
    checkSize(submission.body(), errors);
    JsonWipeReportReader.Parsed parsed =
        errors.isEmpty() ? JsonWipeReportReader.read(submission.body(), json, errors) : null;
    Asset asset = null;
    if (parsed != null) {
      asset =
          stillHere(
              asset(
                  parsed.assetId(), parsed.inventoryNumber(), "assetId", "inventoryNumber", errors),
              parsed.assetId() != null ? "assetId" : "inventoryNumber",
              errors);
      Instant performedAt =
          checkPerformedOn(parsed.content().performedOn(), "performedOn", null, errors);
      if (asset != null) {
        checkCollection(
            asset, parsed.content().performedOn(), performedAt, "performedOn", null, errors);
        checkDrives(asset, parsed.content(), errors, null);
        checkNotCertified(
            asset,
            Source.JSON,
            submission.body(),
            parsed.assetId() != null ? "assetId" : "inventoryNumber",
            errors);
      }
    }
    reject(errors);
    return store(
        asset,
        Source.JSON,
        parsed.content(),
        submission.body(),
        "application/json",
        "json",
        submission.submittedBy(),
        List.of());
  }

  /** The asset named by id or inventory number, still in the hospital's hands; else errors. */
  private Asset assetStillHere(Long assetId, String inventoryNumber, List<IntakeError> errors) {
    return stillHere(
        asset(assetId, inventoryNumber, "assetId", "inventoryNumber", errors),
        assetId != null ? "assetId" : "inventoryNumber",
        errors);
  }

  /**
   * @throws IntakeRejectedException with every problem found; nothing is stored
   * @throws PublicationFailedException stored, but not published
   */
  public Receipt receive(NwipeSubmission submission) {
    List<IntakeError> errors = new ArrayList<>();
    checkSize(submission.body(), errors);
    Asset asset = assetStillHere(submission.assetId(), submission.inventoryNumber(), errors);
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
            IntakeError.field(
                "toolVersion",
                null,
                null,
                "Le journal n'indique pas la version de nwipe : précisez le paramètre toolVersion."));
      }
      NwipeLogParser.checkLabelForVersion(run, toolVersion, errors);
      content = NwipeLogParser.toReport(run, toolVersion, operator, STATION_ZONE);
      Instant performedAt =
          checkPerformedOn(content.performedOn(), null, run.finishedAtLine(), errors);
      if (asset != null) {
        checkCollection(
            asset, content.performedOn(), performedAt, null, run.finishedAtLine(), errors);
        checkNotCertified(
            asset,
            Source.NWIPE_LOG,
            submission.body(),
            submission.assetId() != null ? "assetId" : "inventoryNumber",
            errors);
        Map<String, Integer> lines = new HashMap<>();
        run.drives().forEach(d -> lines.put(ReportCheck.key(d.serialNumber()), d.line()));
        checkDrives(asset, content, errors, lines);
      }
    }
    reject(errors);
    return store(
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
   * @throws IntakeRejectedException with every problem found; nothing is stored
   * @throws PublicationFailedException stored, but not published
   */
  public Receipt receive(DeviceCommandSubmission submission) {
    List<IntakeError> errors = new ArrayList<>();
    Asset asset = assetStillHere(submission.assetId(), submission.inventoryNumber(), errors);
    String operator = param(submission.operator(), "operator", 120, true, errors);
    String performedOn = param(submission.performedOn(), "performedOn", 40, true, errors);
    Instant performedAt = null;
    if (performedOn != null) {
      try {
        performedAt = checkPerformedOn(performedOn, "performedOn", null, errors);
      } catch (DateTimeParseException e) {
        errors.add(
            IntakeError.field(
                "performedOn",
                null,
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
            IntakeError.field(
                "verification",
                null,
                declared,
                "FULL (relecture complète) ou SAMPLING (relecture par échantillonnage) : sans"
                    + " vérification, pas de certificat."));
      }
    }
    if (submission.nvme().isEmpty() && submission.hdparm().isEmpty()) {
      errors.add(
          new IntakeError(
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
      List<IntakeError> found = new ArrayList<>();
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
      List<IntakeError> found = new ArrayList<>();
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
      checkCollection(asset, performedOn, performedAt, "performedOn", null, errors);
    }
    byte[] body = null;
    if (asset != null && errors.isEmpty()) {
      try {
        body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(raw);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("the raw outputs are strings", e);
      }
      checkSize(body, errors);
      checkNotCertified(asset, Source.DEVICE_COMMAND, body, "inventoryNumber", errors);
      List<IntakeError> found = new ArrayList<>();
      checkDrives(asset, content, found, null);
      for (IntakeError e : found) {
        // drives[i] is the i-th drive read: name the output it was read from
        Matcher m = DRIVE_FIELD.matcher(e.field() == null ? "" : e.field());
        errors.add(
            m.matches()
                ? new IntakeError(
                    origins.get(Integer.parseInt(m.group(1))), null, e.value(), e.message())
                : e);
      }
    }
    reject(errors);
    return store(
        asset,
        Source.DEVICE_COMMAND,
        content,
        body,
        "application/json",
        "json",
        submission.submittedBy(),
        List.of());
  }

  private static void prefix(List<IntakeError> found, String prefix, List<IntakeError> errors) {
    for (IntakeError e : found) {
      errors.add(
          new IntakeError(
              e.field() == null ? prefix.substring(0, prefix.length() - 1) : prefix + e.field(),
              e.line(),
              e.value(),
              e.message()));
    }
  }

  /** A command's output as text; empty when absent (the readers name what is missing). */
  private static String text(byte[] body, String field, List<IntakeError> errors) {
    if (body == null || body.length == 0) {
      return "";
    }
    if (body.length > MAX_BYTES) {
      errors.add(IntakeError.field(field, null, null, "%d octets au plus.".formatted(MAX_BYTES)));
      return "";
    }
    List<IntakeError> found = new ArrayList<>();
    String text = utf8(body, found);
    if (text == null) {
      errors.add(IntakeError.field(field, null, null, "Texte UTF-8 (ou ASCII) attendu."));
      return "";
    }
    return text;
  }

  /** A stored report by its reference, if it exists. */
  public Optional<WipeReport> find(String reference) {
    Long id = WipeReport.idOf(reference);
    return id == null ? Optional.empty() : reports.findById(id);
  }

  private Receipt store(
      Asset asset,
      Source source,
      WipeReportContent content,
      byte[] body,
      String contentType,
      String extension,
      String submittedBy,
      List<IntakeError> warnings) {
    String sha256 = sha256(body);
    Stored stored;
    try {
      stored =
          storeOnce(
              asset, source, content, body, contentType, extension, submittedBy, sha256, warnings);
    } catch (RuntimeException e) {
      // the same report sent twice at the same time: the other request stored it
      if (!duplicate(e)) {
        throw e;
      }
      stored =
          new Stored(
              reports.findSame(asset.id(), source.name(), sha256).orElseThrow(() -> e), false);
    }
    return publish(asset, stored);
  }

  private static boolean duplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
    }
    return false;
  }

  private Stored storeOnce(
      Asset asset,
      Source source,
      WipeReportContent content,
      byte[] body,
      String contentType,
      String extension,
      String submittedBy,
      String sha256,
      List<IntakeError> warnings) {
    return transactions.execute(
        tx -> {
          Optional<WipeReport> same = reports.findSame(asset.id(), source.name(), sha256);
          if (same.isPresent()) {
            return new Stored(same.get(), false);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          StoredDocument document =
              documents.store(
                  new NewDocument(
                      DocumentKind.WIPE_REPORT,
                      "rapport-effacement-%s-%s.%s"
                          .formatted(
                              asset.inventoryNumber(), now.toString().substring(0, 10), extension),
                      contentType + "; charset=UTF-8",
                      body,
                      "asset:" + asset.inventoryNumber(),
                      submittedBy));
          WipeReport report =
              reports.save(
                  WipeReport.received(
                      asset.id(),
                      source,
                      content,
                      document.sha256(),
                      document.publicId(),
                      submittedBy,
                      now,
                      null));
          inventory.appendCustody(
              new AppendCustody(
                  asset.inventoryNumber(),
                  CustodyAction.EVIDENCE,
                  submittedBy,
                  "Rapport d'effacement %s reçu (%s %s, %s, %d support(s), réalisé le %s)%s"
                      .formatted(
                          report.reference(),
                          content.tool(),
                          content.toolVersion(),
                          content.operator(),
                          content.drives().size(),
                          content.performedOn(),
                          unmatched(warnings)),
                  document.evidence(),
                  "wipe-report:" + report.reference()));
          return new Stored(report, true);
        });
  }

  /** The drives left out of the report, for the custody entry (its details hold 2000 chars). */
  private static String unmatched(List<IntakeError> warnings) {
    if (warnings.isEmpty()) {
      return "";
    }
    String text =
        " ; non rattaché(s) : "
            + warnings.stream()
                .map(w -> "ligne " + w.line() + " — " + w.message())
                .collect(Collectors.joining(" ; "));
    return text.length() <= 1200 ? text : text.substring(0, 1199) + "…";
  }

  private Receipt publish(Asset asset, Stored stored) {
    WipeReport report = stored.report();
    if (report.publishedAt() != null) {
      return new Receipt(report, asset.inventoryNumber(), stored.created(), true, null, List.of());
    }
    Long key;
    try {
      key = publisher.publish(asset.id(), report.content());
    } catch (RuntimeException e) {
      throw new PublicationFailedException(report.reference(), e);
    }
    WipeReport published =
        transactions.execute(
            tx -> {
              WipeReport fresh = reports.findById(report.id()).orElseThrow();
              fresh.published(
                  key == null ? -1L : key, clock.instant().truncatedTo(ChronoUnit.MICROS));
              return reports.save(fresh);
            });
    return new Receipt(published, asset.inventoryNumber(), stored.created(), true, key, List.of());
  }

  private record Stored(WipeReport report, boolean created) {}

  private Asset asset(
      Long assetId,
      String inventoryNumber,
      String idField,
      String numberField,
      List<IntakeError> errors) {
    Asset byId = null;
    if (assetId != null) {
      byId = inventory.findById(assetId).orElse(null);
      if (byId == null) {
        errors.add(
            IntakeError.field(idField, null, assetId, "Aucun équipement n'a cet identifiant."));
        return null;
      }
    }
    if (inventoryNumber != null && !inventoryNumber.isBlank()) {
      Asset byNumber = inventory.findByInventoryNumber(inventoryNumber.strip()).orElse(null);
      if (byNumber == null) {
        errors.add(
            IntakeError.field(
                numberField,
                null,
                inventoryNumber,
                "Aucun équipement n'a ce numéro d'inventaire."));
        return null;
      }
      if (byId != null && !byId.id().equals(byNumber.id())) {
        errors.add(
            IntakeError.field(
                numberField,
                null,
                inventoryNumber,
                "Ce numéro d'inventaire est celui de l'équipement n° %d, pas du n° %d."
                    .formatted(byNumber.id(), assetId)));
        return null;
      }
      return byNumber;
    }
    if (byId == null && errors.stream().noneMatch(e -> idField.equals(e.field()))) {
      errors.add(
          IntakeError.field(
              idField, null, null, "L'équipement est à désigner par assetId ou inventoryNumber."));
    }
    return byId;
  }

  /** A report for an asset that has left the hospital (donated, recycled) is a mistake. */
  private static Asset stillHere(Asset asset, String field, List<IntakeError> errors) {
    if (asset != null && asset.status().isFinal()) {
      errors.add(
          IntakeError.field(
              field,
              null,
              asset.inventoryNumber(),
              "L'équipement %s a quitté l'établissement (« %s ») : aucun effacement ne peut plus lui être rattaché."
                  .formatted(asset.inventoryNumber(), asset.status().label())));
      return null;
    }
    return asset;
  }

  private void checkDrives(
      Asset asset,
      WipeReportContent content,
      List<IntakeError> errors,
      Map<String, Integer> lines) {
    Map<String, StorageDevice> known = new HashMap<>();
    asset.storageDevices().forEach(d -> known.put(ReportCheck.key(d.serialNumber()), d));
    Map<String, Integer> seen = new HashMap<>();
    List<ReportedDrive> drives = content.drives();
    for (int i = 0; i < drives.size(); i++) {
      ReportedDrive d = drives.get(i);
      if (d.serialNumber() == null) {
        continue;
      }
      String key = ReportCheck.key(d.serialNumber());
      String field = lines == null ? "drives[" + i + "].serialNumber" : null;
      Integer line = lines == null ? null : lines.get(key);
      if (seen.containsKey(key)) {
        errors.add(
            new IntakeError(
                field,
                line,
                d.serialNumber(),
                "Support cité deux fois dans le rapport (déjà en position %d)."
                    .formatted(seen.get(key) + 1)));
        continue;
      }
      seen.put(key, i);
      if (!known.containsKey(key)) {
        errors.add(
            new IntakeError(
                field,
                line,
                d.serialNumber(),
                "L'équipement %s n'a pas de support de ce numéro de série (supports relevés à l'inspection : %s)."
                    .formatted(
                        asset.inventoryNumber(),
                        known.isEmpty()
                            ? "aucun"
                            : String.join(
                                ", ",
                                known.values().stream()
                                    .map(StorageDevice::serialNumber)
                                    .sorted()
                                    .toList()))));
      }
    }
  }

  /**
   * Refuses a report dated after now (plus {@link #CLOCK_SKEW}).
   *
   * @return the instant of the wipe, or null when the report gives none
   */
  private Instant checkPerformedOn(
      String performedOn, String field, Integer line, List<IntakeError> errors) {
    if (performedOn == null) {
      return null;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(performedOn).toInstant();
    } catch (DateTimeParseException e) {
      try {
        at = LocalDateTime.parse(performedOn).atZone(STATION_ZONE).toInstant();
      } catch (DateTimeParseException e2) {
        at = LocalDate.parse(performedOn).atStartOfDay(STATION_ZONE).toInstant();
      }
    }
    if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      errors.add(
          new IntakeError(
              field,
              line,
              performedOn,
              "La date de l'effacement est dans le futur (%d minutes d'avance tolérées pour l'horloge du poste)."
                  .formatted(CLOCK_SKEW.toMinutes())));
    }
    return at;
  }

  /** Refuses a wipe dated (in Paris) before the day the asset was collected. */
  private void checkCollection(
      Asset asset,
      String performedOn,
      Instant performedAt,
      String field,
      Integer line,
      List<IntakeError> errors) {
    if (performedAt == null) {
      return;
    }
    Optional<Inspection> inspection = inspections.latest(asset.id());
    if (inspection.isEmpty() || inspection.get().collectedOn() == null) {
      return;
    }
    LocalDate wiped = performedAt.atZone(STATION_ZONE).toLocalDate();
    LocalDate collected = inspection.get().collectedOn();
    if (wiped.isBefore(collected)) {
      errors.add(
          new IntakeError(
              field,
              line,
              performedOn,
              "L'effacement (le %s) est antérieur à la collecte de l'équipement %s (le %s) : ce rapport ne peut pas concerner ses supports."
                  .formatted(DAY.format(wiped), asset.inventoryNumber(), DAY.format(collected))));
    }
  }

  /**
   * Refuses a new report for an asset whose every drive already has a passing certificate: it would
   * issue a second set of certificates. The same report sent again is still recognised (and changes
   * nothing).
   */
  private void checkNotCertified(
      Asset asset, Source source, byte[] body, String field, List<IntakeError> errors) {
    if (asset.storageDevices().isEmpty()
        || reports.findSame(asset.id(), source.name(), sha256(body)).isPresent()) {
      return;
    }
    Set<String> certified =
        certificates.findByAssetId(asset.id()).stream()
            .map(c -> ReportCheck.key(c.serialNumber()))
            .collect(Collectors.toSet());
    boolean allCertified =
        asset.storageDevices().stream()
            .allMatch(d -> certified.contains(ReportCheck.key(d.serialNumber())));
    if (allCertified) {
      errors.add(
          IntakeError.field(
              field,
              null,
              asset.inventoryNumber(),
              "Chaque support de l'équipement %s a déjà un certificat d'effacement conforme : un nouveau rapport n'est pas accepté (consultez ses certificats sur sa fiche)."
                  .formatted(asset.inventoryNumber())));
    }
  }

  private static void checkSize(byte[] body, List<IntakeError> errors) {
    if (body == null || body.length == 0) {
      errors.add(new IntakeError(null, null, null, "Le rapport est vide."));
    } else if (body.length > MAX_BYTES) {
      errors.add(
          new IntakeError(
              null,
              null,
              null,
              "Le rapport pèse %d octets ; %d au plus.".formatted(body.length, MAX_BYTES)));
    }
  }

  private static String param(
      String value, String name, int max, boolean required, List<IntakeError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(IntakeError.field(name, null, null, "Paramètre obligatoire manquant."));
      }
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(IntakeError.field(name, null, value, "%d caractères au plus.".formatted(max)));
      return null;
    }
    return value.strip();
  }

  private static String utf8(byte[] body, List<IntakeError> errors) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      errors.add(
          new IntakeError(null, null, null, "Le journal n'est pas un texte UTF-8 (ou ASCII)."));
      return null;
    }
  }

  private static void reject(List<IntakeError> errors) {
    if (!errors.isEmpty()) {
      throw new IntakeRejectedException(errors);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
