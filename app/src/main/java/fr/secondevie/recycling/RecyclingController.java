package fr.secondevie.recycling;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.PersonName;
import fr.secondevie.documents.DocumentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the adapted companies and of their dismantling lots. Anyone logged in reads; asset
 * managers and administrators write and upload the lots' certificates.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class RecyclingController {

  static final String WRITERS = "hasAnyRole('ASSET_MANAGER','ADMIN')";

  private final AdaptedCompanyRegistry registry;
  private final LotPlacement placement;
  private final LotAttestation attestations;

  RecyclingController(
      AdaptedCompanyRegistry registry, LotPlacement placement, LotAttestation attestations) {
    this.registry = registry;
    this.placement = placement;
    this.attestations = attestations;
  }

  @GetMapping("/adapted-companies")
  String companies(Model model) {
    List<AdaptedCompany> companies = registry.companies();
    model.addAttribute("companies", companies);
    model.addAttribute(
        "hasDefault", companies.stream().anyMatch(c -> c.defaultCompany() && c.active()));
    return "recycling/companies";
  }

  @GetMapping("/adapted-companies/new")
  @PreAuthorize(WRITERS)
  String newCompany(Model model) {
    return form(model, null, CompanyForm.empty(), Map.of());
  }

  @PostMapping("/adapted-companies")
  @PreAuthorize(WRITERS)
  String create(
      @ModelAttribute("form") CompanyForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = bindingErrors(binding);
    if (!errors.isEmpty()) {
      return form(model, null, form, errors);
    }
    try {
      AdaptedCompany created = registry.create(form);
      redirect.addFlashAttribute("message", "Entreprise « " + created.name() + " » enregistrée.");
      return "redirect:/adapted-companies/" + created.id();
    } catch (InvalidInputException e) {
      return form(model, null, form, e.errors());
    }
  }

  @GetMapping("/adapted-companies/{id}")
  String company(@PathVariable long id, Model model) {
    AdaptedCompany company = company(id);
    model.addAttribute("company", company);
    model.addAttribute("lots", registry.lotsOf(company));
    return "recycling/company";
  }

  @GetMapping("/adapted-companies/{id}/edit")
  @PreAuthorize(WRITERS)
  String edit(@PathVariable long id, Model model) {
    AdaptedCompany company = company(id);
    return form(model, company, CompanyForm.of(company), Map.of());
  }

  @PostMapping("/adapted-companies/{id}")
  @PreAuthorize(WRITERS)
  String update(
      @PathVariable long id,
      @ModelAttribute("form") CompanyForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    AdaptedCompany company = company(id);
    Map<String, String> errors = bindingErrors(binding);
    if (!errors.isEmpty()) {
      return form(model, company, form, errors);
    }
    try {
      registry.update(id, form);
      redirect.addFlashAttribute("message", "Modifications enregistrées.");
      return "redirect:/adapted-companies/" + id;
    } catch (InvalidInputException e) {
      return form(model, company, form, e.errors());
    }
  }

  @GetMapping("/dismantling-lots")
  String lots(Model model) {
    List<DismantlingLot> lots = registry.lots();
    Map<Long, AdaptedCompany> byId = new LinkedHashMap<>();
    registry.companies().forEach(c -> byId.put(c.id(), c));
    model.addAttribute("lots", lots);
    model.addAttribute("companies", byId);
    return "recycling/lots";
  }

  @GetMapping("/dismantling-lots/{id}")
  String lot(@PathVariable long id, Model model) {
    DismantlingLot lot =
        registry
            .lot(id)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun lot n° " + id));
    model.addAttribute("lot", lot);
    model.addAttribute("company", registry.find(lot.companyId()).orElseThrow());
    model.addAttribute("documentTypes", LotAttestation.LOT_DOCUMENT_POLICY.acceptedTypes());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "recycling/lot";
  }

  @PostMapping("/dismantling-lots/{id}/close")
  @PreAuthorize(WRITERS)
  String closeNow(
      @PathVariable long id,
      @RequestParam(required = false) String confirm,
      Authentication user,
      RedirectAttributes redirect) {
    registry
        .lot(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun lot n° " + id));
    if (!"true".equals(confirm)) {
      // closing e-mails the pickup order to the company: never without the user's confirmation
      redirect.addFlashAttribute(
          "error",
          "Le lot n'a pas été clos : cochez « Je confirme » (le bon d'enlèvement part aussitôt"
              + " par e-mail à l'entreprise adaptée).");
      return "redirect:/dismantling-lots/" + id + "#cloture";
    }
    redirect.addFlashAttribute(
        "message",
        placement.closeNow(id, PersonName.of(user))
            ? "Lot clos : le bon d'enlèvement part à l'entreprise adaptée."
            : "Ce lot n'est plus ouvert (ou il est vide) : rien n'a changé.");
    return "redirect:/dismantling-lots/" + id;
  }

  @PostMapping("/dismantling-lots/{id}/documents")
  @PreAuthorize(WRITERS)
  String upload(
      @PathVariable long id,
      @RequestParam(required = false) DocumentKind kind,
      @RequestParam(required = false) MultipartFile file,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (kind != DocumentKind.RECYCLING_CERTIFICATE
        && kind != DocumentKind.ADAPTED_COMPANY_ATTESTATION) {
      errors.put("kind", "Choisissez la nature du document.");
    }
    if (file == null || file.isEmpty()) {
      errors.put("file", "Choisissez le fichier à déposer.");
    }
    if (errors.isEmpty()) {
      try {
        attestations.attachDocument(
            id, kind, file.getOriginalFilename(), file.getBytes(), principal.getName());
        redirect.addFlashAttribute("message", kind.label() + " enregistré(e).");
        return "redirect:/dismantling-lots/" + id;
      } catch (InvalidInputException e) {
        errors.putAll(e.errors());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    model.addAttribute("errors", errors);
    return lot(id, model);
  }

  private String form(
      Model model, AdaptedCompany company, CompanyForm form, Map<String, String> errors) {
    model.addAttribute("company", company);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("types", CompanyType.values());
    return "recycling/company-form";
  }

  private AdaptedCompany company(long id) {
    return registry
        .find(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Aucune entreprise adaptée n° " + id));
  }

  static Map<String, String> bindingErrors(BindingResult binding) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding
        .getFieldErrors()
        .forEach(
            e ->
                errors.putIfAbsent(
                    e.getField(),
                    "Valeur « " + e.getRejectedValue() + " » incompréhensible pour ce champ."));
    return errors;
  }
}
