package fr.secondevie.suppliers.web;

import fr.secondevie.common.Siret;
import fr.secondevie.processes.SupplierReferencingProcess.Origins;
import fr.secondevie.suppliers.Candidate;
import fr.secondevie.suppliers.ProcessUnavailableException;
import fr.secondevie.suppliers.SupplierDirectory;
import fr.secondevie.suppliers.SupplierProcesses;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API: the purchasing platform posts SAD admissions (candidates), and anyone with a role reads
 * the registry with maturity levels and validity.
 */
@RestController
class SupplierApiController {

  private final SupplierDirectory directory;
  private final SupplierProcesses processes;

  SupplierApiController(SupplierDirectory directory, SupplierProcesses processes) {
    this.directory = directory;
    this.processes = processes;
  }

  /** A candidate as posted: a SAD admission ({@code sadReference} required) or a buyer's. */
  record CandidateRequest(
      String name,
      String siret,
      String contactName,
      String contactEmail,
      String contactPhone,
      List<String> categories,
      String origin,
      String sadReference) {}

  @PostMapping("/api/suppliers/candidates")
  @PreAuthorize(SupplierController.REGISTRARS)
  ResponseEntity<?> register(@RequestBody CandidateRequest request, Principal user) {
    Candidate candidate =
        new Candidate(
                request.name(),
                request.siret(),
                request.contactName(),
                request.contactEmail(),
                request.contactPhone(),
                request.categories(),
                request.origin() == null ? Origins.SAD : request.origin(),
                request.sadReference(),
                user.getName())
            .normalized();
    Map<String, String> errors = new LinkedHashMap<>(candidate.problems());
    if (!errors.containsKey("siret")) {
      directory
          .supplierBySiret(new Siret(candidate.siret()).value())
          .flatMap(s -> directory.openApplicationOf(s.getId()))
          .ifPresent(
              open ->
                  errors.put(
                      "siret",
                      "Ce fournisseur a déjà une candidature en cours (n° " + open.getId() + ")."));
    }
    if (!errors.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNPROCESSABLE_ENTITY, "La candidature est incomplète ou invalide.");
      problem.setTitle("Candidature refusée");
      problem.setProperty(
          "errors",
          errors.entrySet().stream()
              .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
              .toList());
      return ResponseEntity.unprocessableEntity().body(problem);
    }
    try {
      long key = processes.startReferencing(candidate);
      return ResponseEntity.accepted()
          .location(URI.create("/suppliers"))
          .body(Map.of("processInstanceKey", key, "siret", candidate.siret()));
    } catch (ProcessUnavailableException e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
      problem.setTitle("Processus indisponible");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
  }

  /** A row of the registry. */
  record SupplierRow(
      long id,
      String name,
      String siret,
      List<String> categories,
      String status,
      Integer maturityLevel,
      Integer tenderBonus,
      LocalDate referencedUntil,
      boolean referencedToday) {}

  @GetMapping("/api/suppliers")
  @PreAuthorize(SupplierController.READERS)
  List<SupplierRow> registry() {
    LocalDate today = directory.today();
    return directory.registry().stream()
        .map(SupplierDirectory.Entry::supplier)
        .map(
            s ->
                new SupplierRow(
                    s.getId(),
                    s.getName(),
                    s.getSiret().value(),
                    s.categories().stream().map(Enum::name).toList(),
                    s.getStatus().name(),
                    s.getMaturityLevel(),
                    s.getTenderBonus(),
                    s.getReferencedUntil(),
                    s.isReferencedOn(today)))
        .toList();
  }
}
