package fr.secondevie.donation;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Pages of the beneficiary registry: list, creation and edition (with the proof of the legal
 * category), detail with the requests and the donations, and the list of requests. Anyone logged in
 * reads; asset managers and administrators write.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class BeneficiaryController {

  static final String WRITERS = "hasAnyRole('ASSET_MANAGER','ADMIN')";

  private final BeneficiaryRegistry registry;

  BeneficiaryController(BeneficiaryRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/beneficiaries")
  String list(Model model) {
    model.addAttribute("rows", registry.beneficiaries());
    return "donation/beneficiaries";
  }

  @GetMapping("/beneficiaries/new")
  @PreAuthorize(WRITERS)
  String newForm(Model model) {
    return form(model, null, BeneficiaryForm.empty(), Map.of());
  }

  @PostMapping("/beneficiaries")
  @PreAuthorize(WRITERS)
  String create(
      @ModelAttribute("form") BeneficiaryForm form,
      BindingResult binding,
      @RequestParam(name = "proof", required = false) MultipartFile proof,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = bindingErrors(binding);
    if (!errors.isEmpty()) {
      return form(model, null, form, errors);
    }
    try {
      Beneficiary created = registry.create(form, upload(proof), principal.getName());
      redirect.addFlashAttribute("message", "Bénéficiaire « " + created.name() + " » enregistré.");
      return "redirect:/beneficiaries/" + created.id();
    } catch (InvalidInputException e) {
      return form(model, null, form, e.errors());
    }
  }

  @GetMapping("/beneficiaries/{id}")
  String detail(@PathVariable long id, Model model) {
    Beneficiary beneficiary = beneficiary(id);
    return detail(model, beneficiary, RequestForm.empty(), Map.of());
  }

  @GetMapping("/beneficiaries/{id}/edit")
  @PreAuthorize(WRITERS)
  String editForm(@PathVariable long id, Model model) {
    Beneficiary beneficiary = beneficiary(id);
    return form(model, beneficiary, BeneficiaryForm.of(beneficiary), Map.of());
  }

  @PostMapping("/beneficiaries/{id}")
  @PreAuthorize(WRITERS)
  String update(
      @PathVariable long id,
      @ModelAttribute("form") BeneficiaryForm form,
      BindingResult binding,
      @RequestParam(name = "proof", required = false) MultipartFile proof,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    Beneficiary beneficiary = beneficiary(id);
    Map<String, String> errors = bindingErrors(binding);
    if (!errors.isEmpty()) {
      return form(model, beneficiary, form, errors);
    }
    try {
      registry.update(id, form, upload(proof), principal.getName());
      redirect.addFlashAttribute("message", "Modifications enregistrées.");
      return "redirect:/beneficiaries/" + id;
    } catch (InvalidInputException e) {
      return form(model, beneficiary, form, e.errors());
    }
  }

  @PostMapping("/beneficiaries/{id}/requests")
  @PreAuthorize(WRITERS)
  String openRequest(
      @PathVariable long id,
      @ModelAttribute("requestForm") RequestForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Beneficiary beneficiary = beneficiary(id);
    Map<String, String> errors = bindingErrors(binding);
    if (!errors.isEmpty()) {
      return detail(model, beneficiary, form, errors);
    }
    try {
      DonationRequest request = registry.openRequest(id, form);
      redirect.addFlashAttribute("message", "Demande n° " + request.id() + " ouverte.");
      return "redirect:/beneficiaries/" + id;
    } catch (InvalidInputException e) {
      return detail(model, beneficiary, form, e.errors());
    }
  }

  @GetMapping("/donation-requests")
  String requests(Model model) {
    model.addAttribute("rows", registry.requests());
    return "donation/requests";
  }

  @PostMapping("/donation-requests/{id}/close")
  @PreAuthorize(WRITERS)
  String closeRequest(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String returnTo,
      RedirectAttributes redirect) {
    if (registry.request(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune demande n° " + id);
    }
    try {
      registry.closeRequest(id, reason);
      redirect.addFlashAttribute("message", "Demande n° " + id + " close.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", String.join(" ", e.errors().values()));
    }
    return "beneficiary".equals(returnTo)
        ? "redirect:/beneficiaries/"
            + registry.request(id).map(r -> r.beneficiary().id()).orElse(0L)
        : "redirect:/donation-requests";
  }

  private String form(
      Model model, Beneficiary beneficiary, BeneficiaryForm form, Map<String, String> errors) {
    model.addAttribute("beneficiary", beneficiary);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("categories", LegalCategory.values());
    model.addAttribute("proofTypes", BeneficiaryRegistry.PROOF_POLICY.acceptedTypes());
    return "donation/beneficiary-form";
  }

  private String detail(
      Model model, Beneficiary beneficiary, RequestForm requestForm, Map<String, String> errors) {
    model.addAttribute("beneficiary", beneficiary);
    model.addAttribute("requests", registry.requestsOf(beneficiary));
    model.addAttribute("donations", registry.donationsOf(beneficiary));
    model.addAttribute("requestForm", requestForm);
    model.addAttribute("errors", errors);
    model.addAttribute("assetCategories", DonationLaw.DONATABLE.toArray(AssetCategory[]::new));
    return "donation/beneficiary";
  }

  private Beneficiary beneficiary(long id) {
    return registry
        .find(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun bénéficiaire n° " + id));
  }

  /** Values that could not even be converted (a date typed wrong, an unknown choice). */
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

  private static BeneficiaryRegistry.Upload upload(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return new BeneficiaryRegistry.Upload(file.getOriginalFilename(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
