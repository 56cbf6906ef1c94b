package fr.secondevie.suppliers.web;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.Siret;
import fr.secondevie.processes.SupplierReferencingProcess.Origins;
import fr.secondevie.suppliers.Candidate;
import fr.secondevie.suppliers.SupplierDirectory;
import fr.secondevie.suppliers.SupplierProcesses;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The title of the 422 problem answering a refused candidate. */
  static final String CANDIDATE_REFUSED = "Candidature refusée";

  /**
   * Registers a candidate and starts its referencing: 202 with the process instance; 422
   * "Candidature refusée" with the problems by field, or 503 "Processus indisponible" (Retry-After)
   * when the runtime cannot start it, both answered by the common API handler.
   */
  @PostMapping("/api/suppliers/candidates")
  @PreAuthorize(SupplierController.REGISTRARS)
  ResponseEntity<Map<String, Object>> register(
      @RequestBody CandidateRequest request, Principal user) {
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
      throw new InvalidInputException(
          CANDIDATE_REFUSED,
          errors.entrySet().stream().map(e -> InputError.of(e.getKey(), e.getValue())).toList());
    }
    long key = processes.startReferencing(candidate);
    return ResponseEntity.accepted()
        .location(URI.create("/suppliers"))
        .body(Map.of("processInstanceKey", key, "siret", candidate.siret()));
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
