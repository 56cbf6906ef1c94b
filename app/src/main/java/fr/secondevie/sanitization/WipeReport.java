package fr.secondevie.sanitization;

import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A wipe report as received and stored: its raw content is a document (cited by its SHA-256), its
 * reading is kept here with the drives in report order.
 */
@Table("wipe_report")
class WipeReport {

  /** Where the report came from. */
  public enum Source {
    /** Our JSON schema, posted to the intake. */
    JSON,
    /** The log of nwipe / ShredOS, posted to the intake. */
    NWIPE_LOG,
    /** The outputs of the drives' own erase commands (nvme-cli, hdparm), posted to the intake. */
    DEVICE_COMMAND,
    /** Typed in by a technician (form enter-wipe-report). */
    MANUAL
  }

  @Id private Long id;
  @Version private Integer version;
  private long assetId;
  private Source source;
  private String tool;
  private String toolVersion;
  private String operator;
  private String toolReportRef;
  private String performedOn;
  private String contentSha256;
  private String documentPublicId;
  private String receivedBy;
  private Instant receivedAt;
  private String operationId;
  private Long messageKey;
  private Instant publishedAt;

  @MappedCollection(idColumn = "wipe_report_id", keyColumn = "position")
  private List<Drive> drives = new ArrayList<>();

  /** For Spring Data. */
  protected WipeReport() {}

  static WipeReport received(
      long assetId,
      Source source,
      WipeReportContent content,
      String contentSha256,
      String documentPublicId,
      String receivedBy,
      Instant receivedAt,
      String operationId) {
    WipeReport r = new WipeReport();
    r.assetId = assetId;
    r.source = source;
    r.tool = content.tool();
    r.toolVersion = content.toolVersion();
    r.operator = content.operator();
    r.toolReportRef = content.reportRef();
    r.performedOn = content.performedOn();
    r.contentSha256 = contentSha256;
    r.documentPublicId = documentPublicId;
    r.receivedBy = receivedBy;
    r.receivedAt = receivedAt;
    r.operationId = operationId;
    for (ReportedDrive d : content.drives()) {
      r.drives.add(
          new Drive(
              d.serialNumber(),
              d.methodType() == null ? null : d.methodType().name(),
              d.method() == null ? null : d.method().name(),
              d.verification() == null ? null : d.verification().name(),
              d.result() == null ? null : d.result().name(),
              d.notes(),
              d.manufacturer(),
              d.model()));
    }
    return r;
  }

  /** Readable reference, also the {@code reportRef} of the process variable. */
  public String reference() {
    return reference(id);
  }

  public static String reference(long id) {
    return "WR-%06d".formatted(id);
  }

  /** The id a reference names, or null when it is not one of ours. */
  static Long idOf(String reference) {
    if (reference == null || !reference.strip().matches("WR-\\d{6,}")) {
      return null;
    }
    return Long.parseLong(reference.strip().substring(3));
  }

  /** The report as the checks read it. */
  public WipeReportContent content() {
    return new WipeReportContent(
        tool,
        toolVersion,
        operator,
        reference(),
        performedOn,
        drives.stream()
            .map(
                d ->
                    new ReportedDrive(
                        d.serialNumber(),
                        d.methodType() == null ? null : SanitizationLevel.valueOf(d.methodType()),
                        d.method() == null ? null : SanitizationMethod.valueOf(d.method()),
                        d.verification() == null ? null : Verification.valueOf(d.verification()),
                        d.result() == null ? null : DriveResult.valueOf(d.result()),
                        d.notes(),
                        d.manufacturer(),
                        d.model()))
            .toList());
  }

  /** One drive line of the report. */
  @Table("wipe_report_drive")
  record Drive(
      String serialNumber,
      String methodType,
      String method,
      String verification,
      String result,
      String notes,
      String manufacturer,
      String model) {}

  public Long id() {
    return id;
  }

  public long assetId() {
    return assetId;
  }

  public Source source() {
    return source;
  }

  public String tool() {
    return tool;
  }

  public String toolVersion() {
    return toolVersion;
  }

  public String operator() {
    return operator;
  }

  /** The tool's own reference of the report, when it gives one. */
  public String toolReportRef() {
    return toolReportRef;
  }

  public String performedOn() {
    return performedOn;
  }

  public String contentSha256() {
    return contentSha256;
  }

  public String documentPublicId() {
    return documentPublicId;
  }

  public String receivedBy() {
    return receivedBy;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Long messageKey() {
    return messageKey;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public int driveCount() {
    return drives.size();
  }
}
