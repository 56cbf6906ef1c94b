package fr.secondevie.sanitization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: the sanitization evidence of an asset — one certificate per drive (NIST SP 800-88
 * App. G fields, whether its fingerprint still matches) and the destructions — as JSON.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class CertificateApiController {

  private final CertificateService certificates;
  private final DestructionService destructions;

  CertificateApiController(CertificateService certificates, DestructionService destructions) {
    this.certificates = certificates;
    this.destructions = destructions;
  }

  @GetMapping("/api/sanitization/certificates")
  Map<String, Object> ofAsset(@RequestParam long assetId) {
    List<Map<String, Object>> certs =
        certificates.certificatesOf(assetId).stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("number", c.number());
                  m.put("serialNumber", c.serialNumber());
                  m.put("mediaType", c.mediaType());
                  m.put("mediaManufacturer", c.mediaManufacturer());
                  m.put("mediaModel", c.mediaModel());
                  m.put("sourceAsset", c.inventoryNumber());
                  m.put("requiredLevel", c.requiredLevel());
                  m.put("methodType", c.methodType());
                  m.put("effectiveLevel", c.effectiveLevel());
                  m.put("method", c.method());
                  m.put("tool", c.tool() + " " + c.toolVersion());
                  m.put("verification", c.verification());
                  m.put("operator", c.operator());
                  m.put("organization", c.organization());
                  m.put("performedOn", c.performedOn());
                  m.put("postClassification", c.postClassification());
                  m.put("destination", c.destination());
                  m.put("wipeReport", c.wipeReportReference());
                  m.put("validatedBy", c.validatedBy());
                  m.put("validatedAt", c.validatedAt().toString());
                  m.put("fingerprint", c.fingerprint());
                  m.put("intact", c.intact());
                  m.put(
                      "document",
                      c.documentPublicId() == null ? null : "/documents/" + c.documentPublicId());
                  return m;
                })
            .toList();
    List<Map<String, Object>> destroyed =
        destructions.destructionsOf(assetId).stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("serialNumber", d.serialNumber());
                  m.put("mediaType", d.mediaType());
                  m.put("destructionMethod", d.destructionMethod());
                  m.put("dinLevel", d.dinLevel());
                  m.put("destroyedOn", d.destroyedOn().toString());
                  m.put("provider", d.provider());
                  m.put("certificateRef", d.certificateRef());
                  m.put("document", "/documents/" + d.documentPublicId());
                  return m;
                })
            .toList();
    return Map.of("assetId", assetId, "certificates", certs, "destructions", destroyed);
  }
}
