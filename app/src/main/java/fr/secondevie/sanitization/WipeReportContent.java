package fr.secondevie.sanitization;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A wipe report as the checks read it, whatever its source (our JSON, a tool's export, or the form
 * {@code enter-wipe-report}). Values a person or a tool left out or got wrong are null.
 *
 * @param performedOn ISO date or date-time, as given
 */
@NamedInterface("api")
public record WipeReportContent(
    String tool,
    String toolVersion,
    String operator,
    String reportRef,
    String performedOn,
    List<ReportedDrive> drives) {

  public WipeReportContent {
    drives = drives == null ? List.of() : List.copyOf(drives);
  }

  /** The outcome a report states for a drive. */
  public enum DriveResult {
    PASSED,
    FAILED
  }

  /**
   * What the report says about one drive (NIST SP 800-88 Appendix G fields).
   *
   * @param methodType the level the operator or tool declares
   * @param manufacturer media make, when the report gives it
   * @param model media model, when the report gives it
   */
  public record ReportedDrive(
      String serialNumber,
      SanitizationLevel methodType,
      SanitizationMethod method,
      Verification verification,
      DriveResult result,
      String notes,
      String manufacturer,
      String model) {}
}
