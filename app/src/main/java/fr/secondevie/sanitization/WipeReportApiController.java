package fr.secondevie.sanitization;

import fr.secondevie.common.InputError;
import fr.secondevie.sanitization.WipeReportIntake.JsonSubmission;
import fr.secondevie.sanitization.WipeReportIntake.NwipeSubmission;
import fr.secondevie.sanitization.WipeReportIntake.Receipt;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST intake of wipe reports (docs/sanitization.md): {@code POST /api/sanitization/reports} with
 * our JSON ({@code application/json}) or an nwipe log ({@code text/plain}, asset and operator as
 * query parameters). {@code 201} with the report's reference, {@code 200} for a report already
 * received; a refused report is answered by {@code common.ApiErrorHandler}: {@code 422
 * application/problem+json} titled "Rapport d'effacement refusé" listing every problem ({@code
 * errors}: field or line, value, message) with nothing stored.
 */
@RestController
@RequestMapping("/api/sanitization/reports")
@PreAuthorize("hasAnyRole('TECHNICIAN','ADMIN')")
class WipeReportApiController {

  private final WipeReportIntake intake;

  WipeReportApiController(WipeReportIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> postJson(@RequestBody byte[] body, Authentication user) {
    return created(intake.receive(new JsonSubmission(body, user.getName())));
  }

  @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<Map<String, Object>> postNwipeLog(
      @RequestBody byte[] body,
      @RequestParam(required = false) Long assetId,
      @RequestParam(required = false) String inventoryNumber,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String toolVersion,
      Authentication user) {
    return created(
        intake.receive(
            new NwipeSubmission(
                body, assetId, inventoryNumber, operator, toolVersion, user.getName())));
  }

  /**
   * Purge evidence from the drives' own commands: multipart parts {@code nvmeIdCtrl} + {@code
   * nvmeSanitizeLog} (nvme-cli, JSON) and/or {@code hdparmErase} + {@code hdparmIdentify} (hdparm,
   * text), paired by order when repeated.
   */
  @PostMapping(path = "/device-commands", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> postDeviceCommands(
      @RequestParam(required = false) Long assetId,
      @RequestParam(required = false) String inventoryNumber,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String performedOn,
      @RequestParam(required = false) String verification,
      @RequestPart(required = false) List<MultipartFile> nvmeIdCtrl,
      @RequestPart(required = false) List<MultipartFile> nvmeSanitizeLog,
      @RequestPart(required = false) List<MultipartFile> hdparmErase,
      @RequestPart(required = false) List<MultipartFile> hdparmIdentify,
      Authentication user)
      throws java.io.IOException {
    List<WipeReportIntake.NvmeOutputs> nvme = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(size(nvmeIdCtrl), size(nvmeSanitizeLog)); i++) {
      nvme.add(new WipeReportIntake.NvmeOutputs(part(nvmeIdCtrl, i), part(nvmeSanitizeLog, i)));
    }
    List<WipeReportIntake.HdparmOutputs> hdparm = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(size(hdparmErase), size(hdparmIdentify)); i++) {
      hdparm.add(new WipeReportIntake.HdparmOutputs(part(hdparmErase, i), part(hdparmIdentify, i)));
    }
    return created(
        intake.receive(
            new WipeReportIntake.DeviceCommandSubmission(
                assetId,
                inventoryNumber,
                operator,
                performedOn,
                verification,
                nvme,
                hdparm,
                user.getName())));
  }

  private static int size(List<MultipartFile> parts) {
    return parts == null ? 0 : parts.size();
  }

  private static byte[] part(List<MultipartFile> parts, int i) throws java.io.IOException {
    return parts == null || i >= parts.size() ? new byte[0] : parts.get(i).getBytes();
  }

  @GetMapping("/{reference}")
  @PreAuthorize("isAuthenticated()")
  ResponseEntity<Map<String, Object>> get(@PathVariable String reference) {
    return intake
        .find(reference)
        .map(r -> ResponseEntity.ok(view(r, null)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private static ResponseEntity<Map<String, Object>> created(Receipt receipt) {
    Map<String, Object> body = view(receipt.report(), receipt.inventoryNumber());
    body.put("created", receipt.created());
    body.put("published", receipt.published());
    if (!receipt.warnings().isEmpty()) {
      body.put("warnings", receipt.warnings().stream().map(InputError::members).toList());
    }
    URI location = URI.create("/api/sanitization/reports/" + receipt.report().reference());
    return receipt.created()
        ? ResponseEntity.created(location).body(body)
        : ResponseEntity.ok().location(location).body(body);
  }

  private static Map<String, Object> view(WipeReport r, String inventoryNumber) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("reference", r.reference());
    v.put("assetId", r.assetId());
    if (inventoryNumber != null) {
      v.put("inventoryNumber", inventoryNumber);
    }
    v.put("source", r.source());
    v.put("tool", r.tool());
    v.put("toolVersion", r.toolVersion());
    v.put("operator", r.operator());
    v.put("performedOn", r.performedOn());
    v.put("driveCount", r.driveCount());
    v.put("document", Map.of("publicId", r.documentPublicId(), "sha256", r.contentSha256()));
    v.put("wipeReport", WipeReportPublisher.variable(r.content()));
    if (r.publishedAt() != null) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put(
          "name", fr.secondevie.processes.AssetEndOfLifeProcess.Messages.SANITIZATION_REPORTED);
      message.put("correlationKey", Long.toString(r.assetId()));
      message.put("publishedAt", r.publishedAt().toString());
      if (r.messageKey() != null && r.messageKey() > 0) {
        message.put("messageKey", r.messageKey());
      }
      v.put("message", message);
    }
    return v;
  }
}
