package fr.secondevie.sanitization;

import fr.secondevie.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * The certificate of sanitization of one storage device, with the fields of NIST SP 800-88 Rev.1
 * Appendix G (kept by Rev.2): the person who performed it and the organisation, the media (make,
 * model, serial, type, source asset), the sanitization (method type, technique, details, tool and
 * version, verification), the post-sanitization classification, the destination, and the validation
 * (who checked it against the plan, when, and a SHA-256 fingerprint of these fields).
 *
 * @param effectiveLevel the level reached (the declared method type capped by the technique)
 * @param fingerprint SHA-256 of {@link #canonicalContent()}: any later change of a field shows
 */
@NamedInterface("api")
@Table("sanitization_certificate")
public record SanitizationCertificate(
    @Id Long id,
    long assetId,
    String inventoryNumber,
    String assetSerialNumber,
    String assetDescription,
    long wipeReportId,
    String serialNumber,
    String mediaType,
    String mediaManufacturer,
    String mediaModel,
    Long mediaCapacityBytes,
    String mediaInterface,
    boolean healthData,
    String requiredLevel,
    String methodType,
    String effectiveLevel,
    String method,
    String methodDetails,
    String tool,
    String toolVersion,
    String verification,
    String operator,
    String organization,
    String location,
    String performedOn,
    String postClassification,
    String destination,
    String validatedBy,
    Instant validatedAt,
    String fingerprint,
    String documentPublicId,
    String operationId) {

  /** Readable number printed on the certificate. */
  public String number() {
    return "CE-%06d".formatted(Objects.requireNonNull(id, "a certificate is numbered once saved"));
  }

  public String wipeReportReference() {
    return WipeReport.reference(wipeReportId);
  }

  /** Length-prefixed text of every field but the id, fingerprint and document. */
  public String canonicalContent() {
    return Stream.of(
            "" + assetId,
            inventoryNumber,
            assetSerialNumber,
            assetDescription,
            "" + wipeReportId,
            serialNumber,
            mediaType,
            mediaManufacturer,
            mediaModel,
            mediaCapacityBytes == null ? null : "" + mediaCapacityBytes,
            mediaInterface,
            "" + healthData,
            requiredLevel,
            methodType,
            effectiveLevel,
            method,
            methodDetails,
            tool,
            toolVersion,
            verification,
            operator,
            organization,
            location,
            performedOn,
            postClassification,
            destination,
            validatedBy,
            validatedAt == null ? null : validatedAt.toString(),
            operationId)
        .map(v -> v == null ? "-1:" : v.length() + ":" + v)
        .collect(Collectors.joining("|"));
  }

  SanitizationCertificate sealed() {
    return withFingerprint(sha256(canonicalContent()));
  }

  SanitizationCertificate withFingerprint(String value) {
    return with(value, documentPublicId);
  }

  SanitizationCertificate withDocument(String publicId) {
    return with(fingerprint, publicId);
  }

  private SanitizationCertificate with(String fingerprint, String documentPublicId) {
    return new SanitizationCertificate(
        id,
        assetId,
        inventoryNumber,
        assetSerialNumber,
        assetDescription,
        wipeReportId,
        serialNumber,
        mediaType,
        mediaManufacturer,
        mediaModel,
        mediaCapacityBytes,
        mediaInterface,
        healthData,
        requiredLevel,
        methodType,
        effectiveLevel,
        method,
        methodDetails,
        tool,
        toolVersion,
        verification,
        operator,
        organization,
        location,
        performedOn,
        postClassification,
        destination,
        validatedBy,
        validatedAt,
        fingerprint,
        documentPublicId,
        operationId);
  }

  /** Whether the fingerprint still matches the fields. */
  public boolean intact() {
    return sha256(canonicalContent()).equals(fingerprint);
  }

  static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
