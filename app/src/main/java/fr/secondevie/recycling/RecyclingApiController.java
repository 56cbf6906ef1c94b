package fr.secondevie.recycling;

import fr.secondevie.inventory.AssetCategory;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * REST API of the adapted companies ({@code /api/adapted-companies}) and of the dismantling lots
 * ({@code /api/dismantling-lots}, read only: the lot's process writes them).
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("isAuthenticated()")
class RecyclingApiController {

  private final AdaptedCompanyRegistry registry;

  RecyclingApiController(AdaptedCompanyRegistry registry) {
    this.registry = registry;
  }

  record CompanyJson(
      long id,
      String name,
      String siret,
      CompanyType type,
      String agreementRef,
      String ecoOrganisme,
      String ecoOrganismeContractRef,
      String email,
      String address,
      int lotSize,
      boolean defaultCompany,
      boolean active) {

    static CompanyJson of(AdaptedCompany c) {
      return new CompanyJson(
          c.id(),
          c.name(),
          c.siret(),
          c.type(),
          c.agreementRef(),
          c.ecoOrganisme(),
          c.ecoOrganismeContractRef(),
          c.email(),
          c.address(),
          c.lotSize(),
          c.defaultCompany(),
          c.active());
    }
  }

  record LotAssetJson(
      long assetId,
      String inventoryNumber,
      AssetCategory category,
      String serialNumber,
      BigDecimal estimatedWeightKg,
      Instant addedAt,
      Instant completionPublishedAt) {}

  record LotJson(
      long id,
      String number,
      long adaptedCompanyId,
      LotStatus status,
      int targetSize,
      int assetCount,
      Instant openedAt,
      Instant closedAt,
      DismantlingLot.ClosedReason closedReason,
      Long processInstanceKey,
      String orderNumber,
      String orderDocumentId,
      LocalDate pickedUpOn,
      Integer pickedUpUnits,
      BigDecimal weightKg,
      BigDecimal estimatedWeightKg,
      String wasteTrackingNumber,
      String recyclingCertificateRef,
      String eaAttestationRef,
      Long invoiceCents,
      Long labourCostCents,
      Instant completedAt,
      List<LotAssetJson> assets) {

    static LotJson of(DismantlingLot l, boolean withAssets) {
      return new LotJson(
          l.id(),
          l.number(),
          l.companyId(),
          l.status(),
          l.targetSize(),
          l.assetCount(),
          l.openedAt(),
          l.closedAt(),
          l.closedReason(),
          l.processInstanceKey(),
          l.orderNumber(),
          l.orderDocumentId(),
          l.pickedUpOn(),
          l.pickedUpUnits(),
          l.weightKg(),
          l.estimatedWeightKg(),
          l.wasteTrackingNumber(),
          l.recyclingCertificateRef(),
          l.eaAttestationRef(),
          l.invoiceCents(),
          l.labourCostCents(),
          l.completedAt(),
          withAssets
              ? l.assets().stream()
                  .map(
                      a ->
                          new LotAssetJson(
                              a.assetId(),
                              a.inventoryNumber(),
                              a.category(),
                              a.serialNumber(),
                              a.estimatedWeightKg(),
                              a.addedAt(),
                              a.completionPublishedAt()))
                  .toList()
              : null);
    }
  }

  @GetMapping("/adapted-companies")
  List<CompanyJson> companies() {
    return registry.companies().stream().map(CompanyJson::of).toList();
  }

  @GetMapping("/adapted-companies/{id}")
  CompanyJson company(@PathVariable long id) {
    return CompanyJson.of(find(id));
  }

  @PostMapping("/adapted-companies")
  @PreAuthorize(RecyclingController.WRITERS)
  ResponseEntity<CompanyJson> create(@RequestBody CompanyForm form) {
    AdaptedCompany created = registry.create(form);
    return ResponseEntity.created(URI.create("/api/adapted-companies/" + created.id()))
        .body(CompanyJson.of(created));
  }

  @PutMapping("/adapted-companies/{id}")
  @PreAuthorize(RecyclingController.WRITERS)
  CompanyJson update(@PathVariable long id, @RequestBody CompanyForm form) {
    find(id);
    return CompanyJson.of(registry.update(id, form));
  }

  @GetMapping("/dismantling-lots")
  List<LotJson> lots() {
    return registry.lots().stream().map(l -> LotJson.of(l, false)).toList();
  }

  @GetMapping("/dismantling-lots/{id}")
  LotJson lot(@PathVariable long id) {
    return registry
        .lot(id)
        .map(l -> LotJson.of(l, true))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun lot n° " + id));
  }

  private AdaptedCompany find(long id) {
    return registry
        .find(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Aucune entreprise adaptée n° " + id));
  }
}
