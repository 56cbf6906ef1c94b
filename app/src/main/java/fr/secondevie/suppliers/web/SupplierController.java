package fr.secondevie.suppliers.web;

import fr.secondevie.common.Siret;
import fr.secondevie.processes.SupplierReferencingProcess.Origins;
import fr.secondevie.suppliers.Candidate;
import fr.secondevie.suppliers.ProcessUnavailableException;
import fr.secondevie.suppliers.Supplier;
import fr.secondevie.suppliers.SupplierCategory;
import fr.secondevie.suppliers.SupplierDirectory;
import fr.secondevie.suppliers.SupplierProcesses;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supplier registry, a supplier's page, and the buyer's form that registers a candidate. */
@Controller
class SupplierController {

  static final String READERS = "hasAnyRole('BUYER','EVALUATOR','ASSET_MANAGER','AUDITOR','ADMIN')";
  static final String REGISTRARS = "hasAnyRole('BUYER','ADMIN')";

  private final SupplierDirectory directory;
  private final SupplierProcesses processes;

  SupplierController(SupplierDirectory directory, SupplierProcesses processes) {
    this.directory = directory;
    this.processes = processes;
  }

  @GetMapping("/suppliers")
  @PreAuthorize(READERS)
  String registry(Model model) {
    model.addAttribute("entries", directory.registry());
    model.addAttribute("awaiting", directory.awaitingEvaluation());
    model.addAttribute("today", directory.today());
    return "suppliers/registry";
  }

  @GetMapping("/suppliers/{id}")
  @PreAuthorize(READERS)
  String supplier(@PathVariable long id, Model model) {
    Supplier supplier =
        directory.supplier(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("supplier", supplier);
    model.addAttribute("applications", directory.applicationsOf(id));
    model.addAttribute("today", directory.today());
    return "suppliers/detail";
  }

  @GetMapping("/suppliers/candidates/new")
  @PreAuthorize(REGISTRARS)
  String candidateForm(Model model) {
    model.addAttribute("form", new LinkedHashMap<String, Object>());
    model.addAttribute("errors", Map.of());
    return candidateView(model);
  }

  @PostMapping("/suppliers/candidates")
  @PreAuthorize(REGISTRARS)
  String registerCandidate(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String siret,
      @RequestParam(required = false) String contactName,
      @RequestParam(required = false) String contactEmail,
      @RequestParam(required = false) String contactPhone,
      @RequestParam(required = false) List<String> categories,
      Principal user,
      Model model,
      RedirectAttributes redirect) {
    Candidate candidate =
        new Candidate(
                name,
                siret,
                contactName,
                contactEmail,
                contactPhone,
                categories,
                Origins.BUYER,
                null,
                user.getName())
            .normalized();
    Map<String, String> errors = new LinkedHashMap<>(candidate.problems());
    if (!errors.containsKey("siret")) {
      directory
          .supplierBySiret(new Siret(candidate.siret()).value())
          .flatMap(s -> directory.openApplicationOf(s.getId()).map(a -> s.getName()))
          .ifPresent(
              known ->
                  errors.put(
                      "siret", "Ce fournisseur (" + known + ") a déjà une candidature en cours."));
    }
    if (errors.isEmpty()) {
      try {
        processes.startReferencing(candidate);
        redirect.addFlashAttribute(
            "notice",
            "Candidature de "
                + candidate.name()
                + " enregistrée : le questionnaire est envoyé à "
                + candidate.contactEmail()
                + ".");
        return "redirect:/suppliers";
      } catch (ProcessUnavailableException e) {
        model.addAttribute("failure", e.getMessage());
      }
    }
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("siret", siret);
    form.put("contactName", contactName);
    form.put("contactEmail", contactEmail);
    form.put("contactPhone", contactPhone);
    form.put("categories", categories == null ? List.of() : categories);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return candidateView(model);
  }

  private String candidateView(Model model) {
    model.addAttribute("categoryChoices", SupplierCategory.values());
    model.addAttribute("questionnaire", directory.currentQuestionnaire());
    return "suppliers/candidate";
  }
}
