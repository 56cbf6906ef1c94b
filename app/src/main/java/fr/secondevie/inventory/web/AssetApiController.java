package fr.secondevie.inventory.web;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetPage;
import fr.secondevie.inventory.AssetQuery;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.CustodyVerification;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.inventory.glpi.GlpiImportService;
import fr.secondevie.inventory.glpi.ImportProgress;
import fr.secondevie.inventory.glpi.ImportRowError;
import fr.secondevie.inventory.glpi.ImportRun;
import fr.secondevie.inventory.glpi.ImportStatus;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the inventory: {@code /api/assets} (list, get, custody, import) and {@code
 * /api/imports/{id}}. Errors are {@code application/problem+json}; a rejected import lists every
 * error with its line and field.
 */
@RestController
@RequestMapping("/api")
class AssetApiController {

  private final InventoryService inventory;
  private final GlpiImportService imports;

  AssetApiController(InventoryService inventory, GlpiImportService imports) {
    this.inventory = inventory;
    this.imports = imports;
  }

  /** An asset as the API shows it. */
  record AssetJson(
      long id,
      String inventoryNumber,
      String serialNumber,
      String name,
      AssetCategory category,
      String manufacturer,
      String model,
      String site,
      String location,
      String service,
      LocalDate acquisitionDate,
      Long acquisitionCostCents,
      AssetStatus status,
      Set<AssetStatus> allowedNextStatuses,
      String route,
      String routeReason,
      String glpiStatus,
      Set<StorageDevice> storageDevices,
      Map<String, String> technicalAttributes,
      int custodyLength,
      Instant createdAt,
      Instant updatedAt) {

    static AssetJson of(Asset a) {
      return new AssetJson(
          a.id(),
          a.inventoryNumber(),
          a.serialNumber(),
          a.name(),
          a.category(),
          a.manufacturer(),
          a.model(),
          a.site(),
          a.location(),
          a.service(),
          a.acquisitionDate(),
          a.acquisitionCostCents(),
          a.status(),
          a.status().allowedNext(),
          a.route() == null ? null : a.route().name(),
          a.routeReason(),
          a.glpiStatus(),
          a.storageDevices(),
          a.technicalAttributes(),
          a.custodyLength(),
          a.createdAt(),
          a.updatedAt());
    }
  }

  record CustodyJson(CustodyVerification verification, List<CustodyEntry> entries) {}

  /** An import run as the API shows it. */
  record ImportJson(
      long id,
      String fileName,
      String fileSha256,
      ImportStatus status,
      String encoding,
      String delimiter,
      int totalRows,
      int created,
      int updated,
      int unchanged,
      int errorCount,
      Long sameAsImport,
      String failure,
      Instant startedAt,
      Instant finishedAt,
      ImportProgress progress,
      List<ImportRowError> errors) {

    static ImportJson of(ImportRun r, ImportProgress progress) {
      return new ImportJson(
          r.getId(),
          r.getFileName(),
          r.getFileSha256(),
          r.getStatus(),
          r.getEncoding(),
          r.getDelimiter(),
          r.getTotalRows(),
          r.getCreatedCount(),
          r.getUpdatedCount(),
          r.getUnchangedCount(),
          r.getErrorCount(),
          r.getSameAsRunId(),
          r.getFailure(),
          r.getStartedAt(),
          r.getFinishedAt(),
          progress,
          r.getErrors());
    }
  }

  @GetMapping("/assets")
  AssetPage list(
      @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) AssetCategory category,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    return inventory.search(new AssetQuery(status, category, site, q, page, size));
  }

  @GetMapping("/assets/{inventoryNumber}")
  AssetJson get(@PathVariable String inventoryNumber) {
    return AssetJson.of(inventory.get(inventoryNumber));
  }

  @GetMapping("/assets/{inventoryNumber}/custody")
  CustodyJson custody(@PathVariable String inventoryNumber) {
    Asset asset = inventory.get(inventoryNumber);
    return new CustodyJson(inventory.verifyCustody(asset.id()), inventory.custodyOf(asset.id()));
  }

  /**
   * Imports a GLPI CSV export (multipart field {@code file}). Returns 202 with the run and its
   * progress URL; with {@code wait=true}, waits for the end (up to 10 minutes): 200 with the run,
   * or 422 problem+json listing every error when the file is rejected.
   */
  @PostMapping("/assets/import")
  ResponseEntity<?> importCsv(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean wait,
      Principal user)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    GlpiImportService.Started started =
        imports.start(file.getOriginalFilename(), file.getBytes(), user.getName());
    URI location = URI.create("/api/imports/" + started.run().getId());
    if (!wait) {
      return ResponseEntity.accepted()
          .location(location)
          .body(ImportJson.of(started.run(), imports.progress(started.run().getId()).orElse(null)));
    }
    ImportRun done = started.completion().get(10, TimeUnit.MINUTES);
    done = imports.find(done.getId()).orElse(done);
    if (done.getStatus() == ImportStatus.REJECTED) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .location(location)
          .body(rejected(done));
    }
    if (done.getStatus() == ImportStatus.FAILED) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, done.getFailure());
      problem.setTitle("Échec technique de l'import : rien n'a été écrit");
      return ResponseEntity.internalServerError().body(problem);
    }
    return ResponseEntity.ok().location(location).body(ImportJson.of(done, null));
  }

  @GetMapping("/imports/{id}")
  ResponseEntity<ImportJson> importRun(@PathVariable long id) {
    return imports
        .find(id)
        .map(r -> ResponseEntity.ok(ImportJson.of(r, imports.progress(id).orElse(null))))
        .orElse(ResponseEntity.notFound().build());
  }

  static ProblemDetail rejected(ImportRun run) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "%d erreur(s) dans « %s » : rien n'a été importé."
                .formatted(run.getErrorCount(), run.getFileName()));
    problem.setTitle("Fichier GLPI refusé");
    problem.setType(URI.create("urn:secondevie:problem:glpi-import-rejected"));
    problem.setInstance(URI.create("/api/imports/" + run.getId()));
    problem.setProperty("importId", run.getId());
    problem.setProperty("errorCount", run.getErrorCount());
    problem.setProperty("errors", run.getErrors());
    return problem;
  }
}
