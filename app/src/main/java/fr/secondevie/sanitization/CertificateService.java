package fr.secondevie.sanitization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.sanitization.ReportCheck.Failure;
import fr.secondevie.sanitization.ReportCheck.Pass;
import fr.secondevie.sanitization.WipeReport.Source;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a wipe report against the plan and stores one certificate per drive that passed (with its
 * PDF and a custody entry citing it). Drives that failed are returned, not thrown: the certificates
 * of the others are kept, and the worker raises {@code SANITIZATION_FAILED}. Idempotent by
 * operation id (one certificate per operation and drive).
 */
@NamedInterface("api")
@Service
@Transactional
public class CertificateService {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);

  private final InventoryService inventory;
  private final InspectionService inspections;
  private final WipeReportRepository reports;
  private final CertificateRepository certificates;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final HealthDataPolicy healthData;
  private final SanitizationProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  CertificateService(
      InventoryService inventory,
      InspectionService inspections,
      WipeReportRepository reports,
      CertificateRepository certificates,
      DocumentService documents,
      PdfRenderer pdf,
      HealthDataPolicy healthData,
      SanitizationProperties properties,
      ObjectMapper json,
      Clock clock) {
    this.inventory = inventory;
    this.inspections = inspections;
    this.reports = reports;
    this.certificates = certificates;
    this.documents = documents;
    this.pdf = pdf;
    this.healthData = healthData;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** What the check found: the certificates stored (or found again) and the drives that failed. */
  public record Outcome(List<SanitizationCertificate> certificates, List<Failure> failures) {

    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /**
   * @param manual whether the report was typed in ({@code wipeReportSource = MANUAL}); otherwise
   *     {@code report.reportRef()} names a report received by the intake
   */
  public Outcome record(
      long assetId,
      SanitizationPlan plan,
      WipeReportContent report,
      boolean manual,
      String actor,
      String operationId) {
    Asset asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + assetId + " dans l'inventaire"));
    WipeReport stored = storedReport(asset, report, manual, actor, operationId);
    WipeReportContent content = manual ? report : stored.content();
    ReportCheck.Result check = ReportCheck.check(plan, content);
    Optional<Inspection> inspection = inspections.latest(assetId);
    List<SanitizationCertificate> issued = new ArrayList<>();
    for (Pass pass : check.passed()) {
      issued.add(certify(asset, plan, pass, content, stored, inspection, actor, operationId));
    }
    if (!check.allPassed()) {
      inventory.appendCustody(
          new AppendCustody(
              asset.inventoryNumber(),
              CustodyAction.NOTE,
              actor,
              "Effacement non conforme (%s) : %s"
                  .formatted(
                      stored.reference(),
                      check.failures().stream()
                          .map(f -> f.reason() + " — " + f.detail())
                          .collect(Collectors.joining(" ; "))),
              "WIPE_REPORT " + stored.documentPublicId() + " sha256:" + stored.contentSha256(),
              operationId + ":failures"));
    }
    return new Outcome(issued, check.failures());
  }

  /** The certificates of an asset, oldest first. */
  @Transactional(readOnly = true)
  public List<SanitizationCertificate> certificatesOf(long assetId) {
    return certificates.findByAssetId(assetId);
  }

  @Transactional(readOnly = true)
  public List<WipeReport> reportsOf(long assetId) {
    return reports.findByAssetId(assetId);
  }

  private WipeReport storedReport(
      Asset asset, WipeReportContent report, boolean manual, String actor, String operationId) {
    if (!manual) {
      Long id = WipeReport.idOf(report.reportRef());
      Optional<WipeReport> received = id == null ? Optional.empty() : reports.findById(id);
      if (received.isPresent() && received.get().assetId() == asset.id()) {
        return received.get();
      }
    }
    String reportOperation = operationId + ":report";
    Optional<WipeReport> done = reports.findByOperationId(reportOperation);
    if (done.isPresent()) {
      return done.get();
    }
    byte[] content = jsonOf(report);
    StoredDocument document =
        documents.store(
            new NewDocument(
                DocumentKind.WIPE_REPORT,
                "rapport-effacement-%s-saisi.json".formatted(asset.inventoryNumber()),
                "application/json",
                content,
                "asset:" + asset.inventoryNumber(),
                actor));
    WipeReport saved =
        reports.save(
            WipeReport.received(
                asset.id(),
                manual ? Source.MANUAL : Source.JSON,
                withDefaults(report),
                document.sha256(),
                document.publicId(),
                actor,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                reportOperation));
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.EVIDENCE,
            actor,
            "Rapport d'effacement %s %s (%s, %d support(s))"
                .formatted(
                    saved.reference(),
                    manual ? "saisi par un technicien" : "transmis au processus",
                    saved.tool() + " " + saved.toolVersion(),
                    saved.driveCount()),
            document.evidence(),
            reportOperation));
    return saved;
  }

  private SanitizationCertificate certify(
      Asset asset,
      SanitizationPlan plan,
      Pass pass,
      WipeReportContent content,
      WipeReport stored,
      Optional<Inspection> inspection,
      String actor,
      String operationId) {
    String certificateOperation =
        operationId + ":certificate:" + ReportCheck.key(pass.planned().serialNumber());
    Optional<SanitizationCertificate> done = certificates.findByOperationId(certificateOperation);
    if (done.isPresent()) {
      return done.get();
    }
    StorageDevice device =
        asset.storageDevices().stream()
            .filter(
                d ->
                    ReportCheck.key(d.serialNumber())
                        .equals(ReportCheck.key(pass.planned().serialNumber())))
            .findFirst()
            .orElse(null);
    WipeReportContent.ReportedDrive reported = pass.reported();
    SanitizationCertificate certificate =
        new SanitizationCertificate(
                null,
                asset.id(),
                asset.inventoryNumber(),
                asset.serialNumber(),
                describe(asset),
                stored.id(),
                pass.planned().serialNumber(),
                pass.planned().type().name(),
                reported.manufacturer(),
                reported.model() != null
                    ? reported.model()
                    : device == null ? null : device.model(),
                device == null ? null : device.capacityBytes(),
                device == null ? null : device.interfaceName(),
                plan.healthData(),
                pass.planned().requiredLevel().name(),
                reported.methodType().name(),
                pass.effective().name(),
                (reported.method() == null ? SanitizationMethod.OTHER : reported.method()).name(),
                reported.notes(),
                orDash(content.tool()),
                orDash(content.toolVersion()),
                reported.verification() == null
                    ? Verification.NONE.name()
                    : reported.verification().name(),
                orDash(content.operator()),
                properties.organization(),
                inspection.map(Inspection::collectionLocation).orElse(null),
                orDash(content.performedOn()),
                "Non sensible : aucune donnée récupérable (niveau "
                    + pass.effective()
                    + " atteint)",
                "Non encore décidée à la date du certificat : réemploi interne, don,"
                    + " reconditionnement ou recyclage selon l'orientation inscrite ensuite dans la"
                    + " chaîne de traçabilité de l'équipement",
                actor + " (contrôle automatique du rapport au regard du plan d'effacement)",
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                certificateOperation)
            .sealed();
    certificate = certificates.save(certificate);
    byte[] rendered = pdf.render("sanitization-certificate", model(certificate, stored));
    StoredDocument document =
        documents.store(
            NewDocument.pdf(
                DocumentKind.SANITIZATION_CERTIFICATE,
                "certificat-effacement-%s-%s.pdf"
                    .formatted(certificate.number(), certificate.serialNumber()),
                rendered,
                "asset:" + asset.inventoryNumber(),
                actor));
    certificate = certificates.save(certificate.withDocument(document.publicId()));
    inventory.appendCustody(
        new AppendCustody(
            asset.inventoryNumber(),
            CustodyAction.EVIDENCE,
            actor,
            custodyDetails(certificate),
            document.evidence(),
            certificateOperation));
    return certificate;
  }

  /**
   * What the custody entry recording a certificate says of it: the guard compares it with the
   * certificate row, so that a row changed after the fact no longer matches the (keyed) chain.
   */
  static String custodyDetails(SanitizationCertificate certificate) {
    return "Certificat d'effacement %s : support %s (%s), %s atteint pour %s requis, %s, %s"
        .formatted(
            certificate.number(),
            certificate.serialNumber(),
            certificate.mediaType(),
            certificate.effectiveLevel(),
            certificate.requiredLevel(),
            certificate.tool() + " " + certificate.toolVersion(),
            certificate.wipeReportReference());
  }

  private Map<String, Object> model(SanitizationCertificate c, WipeReport stored) {
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("mediaTypeLabel", fr.secondevie.inventory.StorageType.valueOf(c.mediaType()).label());
    model.put(
        "capacity",
        c.mediaCapacityBytes() == null
            ? "—"
            : String.format(Locale.FRANCE, "%,d Go", Math.round(c.mediaCapacityBytes() / 1e9)));
    model.put("methodLabel", SanitizationMethod.valueOf(c.method()).label());
    model.put("verificationLabel", Verification.valueOf(c.verification()).label());
    model.put("reportSha256", stored.contentSha256());
    model.put(
        "receivedBy",
        stored.receivedBy() == null
            ? null
            : fr.secondevie.inventory.CustodyText.actor(stored.receivedBy()).name());
    model.put("validatedAt", DATE_TIME.format(c.validatedAt().atZone(PARIS)) + " (heure de Paris)");
    return model;
  }

  static String describe(Asset asset) {
    return asset.category().label()
        + (asset.manufacturer() == null ? "" : " " + asset.manufacturer())
        + (asset.model() == null ? "" : " " + asset.model());
  }

  private static WipeReportContent withDefaults(WipeReportContent r) {
    return new WipeReportContent(
        orDash(r.tool()),
        orDash(r.toolVersion()),
        orDash(r.operator()),
        r.reportRef(),
        orDash(r.performedOn()),
        r.drives().stream().filter(d -> d.serialNumber() != null).toList());
  }

  private byte[] jsonOf(WipeReportContent report) {
    try {
      return json.writerWithDefaultPrettyPrinter()
          .writeValueAsString(report)
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the wipe report as JSON", e);
    }
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value.strip();
  }
}
