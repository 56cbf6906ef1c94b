package fr.secondevie.donation;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the beneficiary registry ({@code /api/beneficiaries}, {@code
 * /api/donation-requests}). Refused input answers {@code 422 application/problem+json} whose {@code
 * errors} name every wrong field.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("isAuthenticated()")
class DonationApiController {

  private final BeneficiaryRegistry registry;

  DonationApiController(BeneficiaryRegistry registry) {
    this.registry = registry;
  }

  record BeneficiaryJson(
      long id,
      String name,
      String siret,
      String rna,
      LegalCategory legalCategory,
      String legalCategoryLabel,
      String legalBasis,
      String address,
      String contactName,
      String contactEmail,
      String proofDocumentId,
      String proofDescription,
      LocalDate reuseCommitmentSignedOn,
      boolean active,
      boolean eligible,
      String ineligibilityReason) {

    static BeneficiaryJson of(Beneficiary b) {
      return new BeneficiaryJson(
          b.id(),
          b.name(),
          b.siret(),
          b.rna(),
          b.legalCategory(),
          b.legalCategory().label(),
          b.legalCategory().legalBasis(),
          b.address(),
          b.contactName(),
          b.contactEmail(),
          b.proofDocumentId(),
          b.proofDescription(),
          b.reuseCommitmentSignedOn(),
          b.active(),
          b.eligible(),
          b.ineligibilityReason().isEmpty() ? null : b.ineligibilityReason());
    }
  }

  record RequestJson(
      long id,
      long beneficiaryId,
      String beneficiaryName,
      Set<fr.secondevie.inventory.AssetCategory> categories,
      int quantity,
      int allocated,
      int received,
      int remaining,
      RequestStatus status,
      Instant openedAt,
      Instant closedAt,
      String closedReason,
      String notes) {

    static RequestJson of(BeneficiaryRegistry.RequestRow r) {
      return new RequestJson(
          r.request().id(),
          r.beneficiary().id(),
          r.beneficiary().name(),
          r.request().categories(),
          r.request().quantity(),
          r.allocated(),
          r.received(),
          r.remaining(),
          r.request().status(),
          r.request().openedAt(),
          r.request().closedAt(),
          r.request().closedReason(),
          r.request().notes());
    }
  }

  record CloseJson(String reason) {}

  @GetMapping("/beneficiaries")
  List<BeneficiaryJson> beneficiaries() {
    return registry.beneficiaries().stream().map(r -> BeneficiaryJson.of(r.beneficiary())).toList();
  }

  @GetMapping("/beneficiaries/{id}")
  BeneficiaryJson beneficiary(@PathVariable long id) {
    return BeneficiaryJson.of(find(id));
  }

  @PostMapping("/beneficiaries")
  @PreAuthorize(BeneficiaryController.WRITERS)
  ResponseEntity<BeneficiaryJson> create(@RequestBody BeneficiaryForm form, Principal principal) {
    Beneficiary created = registry.create(form, null, principal.getName());
    return ResponseEntity.created(URI.create("/api/beneficiaries/" + created.id()))
        .body(BeneficiaryJson.of(created));
  }

  @PutMapping("/beneficiaries/{id}")
  @PreAuthorize(BeneficiaryController.WRITERS)
  BeneficiaryJson update(
      @PathVariable long id, @RequestBody BeneficiaryForm form, Principal principal) {
    find(id);
    return BeneficiaryJson.of(registry.update(id, form, null, principal.getName()));
  }

  @GetMapping("/beneficiaries/{id}/requests")
  List<RequestJson> requestsOf(@PathVariable long id) {
    return registry.requestsOf(find(id)).stream().map(RequestJson::of).toList();
  }

  @PostMapping("/beneficiaries/{id}/requests")
  @PreAuthorize(BeneficiaryController.WRITERS)
  ResponseEntity<RequestJson> openRequest(@PathVariable long id, @RequestBody RequestForm form) {
    find(id);
    DonationRequest request = registry.openRequest(id, form);
    return ResponseEntity.created(URI.create("/api/donation-requests/" + request.id()))
        .body(RequestJson.of(registry.request(request.id()).orElseThrow()));
  }

  @GetMapping("/donation-requests")
  List<RequestJson> requests() {
    return registry.requests().stream().map(RequestJson::of).toList();
  }

  @GetMapping("/donation-requests/{id}")
  RequestJson request(@PathVariable long id) {
    return registry
        .request(id)
        .map(RequestJson::of)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune demande n° " + id));
  }

  @PostMapping("/donation-requests/{id}/close")
  @PreAuthorize(BeneficiaryController.WRITERS)
  RequestJson close(@PathVariable long id, @RequestBody(required = false) CloseJson body) {
    request(id);
    registry.closeRequest(id, body == null ? null : body.reason());
    return request(id);
  }

  private Beneficiary find(long id) {
    return registry
        .find(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun bénéficiaire n° " + id));
  }
}
