package fr.secondevie.donation;

import fr.secondevie.common.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A donation's page: its agreement, its handover, and the upload of the scanned signed receipt
 * (technicians, who hand the equipment over, asset managers and administrators).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class DonationController {

  static final String HANDLERS = "hasAnyRole('TECHNICIAN','ASSET_MANAGER','ADMIN')";

  private final DonationAgreements agreements;
  private final DonationHandovers handovers;
  private final BeneficiaryRegistry registry;

  DonationController(
      DonationAgreements agreements, DonationHandovers handovers, BeneficiaryRegistry registry) {
    this.agreements = agreements;
    this.handovers = handovers;
    this.registry = registry;
  }

  @GetMapping("/donations/{id}")
  String detail(@PathVariable long id, Model model) {
    Donation donation = find(id);
    model.addAttribute("donation", donation);
    model.addAttribute("beneficiary", registry.find(donation.beneficiaryId()).orElseThrow());
    model.addAttribute("receiptTypes", DonationHandovers.RECEIPT_POLICY.acceptedTypes());
    model.addAttribute("receiptForm", agreements.receiptForm(donation).orElse(null));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "donation/donation";
  }

  @PostMapping("/donations/{id}/receipt")
  @PreAuthorize(HANDLERS)
  String receipt(
      @PathVariable long id,
      @RequestParam(required = false) MultipartFile file,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    find(id);
    String error;
    if (file == null || file.isEmpty()) {
      error = "Choisissez le fichier du bon de remise signé.";
    } else {
      try {
        handovers.attachReceipt(
            id, file.getOriginalFilename(), file.getBytes(), principal.getName());
        redirect.addFlashAttribute("message", "Bon de remise signé enregistré.");
        return "redirect:/donations/" + id;
      } catch (InvalidInputException e) {
        if (find(id).status() != DonationStatus.HANDED_OVER) {
          // no receipt form on the page to show it next to
          redirect.addFlashAttribute("error", e.errors().get("file"));
          return "redirect:/donations/" + id;
        }
        error = e.errors().get("file");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    model.addAttribute("errors", Map.of("file", error));
    return detail(id, model);
  }

  private Donation find(long id) {
    return handovers
        .find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun don n° " + id));
  }
}
