package fr.secondevie.purchasing;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * Pages of the purchase requests: the list with the request form (any logged-in user requests), and
 * one request with its stock assignment, channel, offers, order and reception. Buyers act through
 * their tasks.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class PurchaseController {

  /** Who receives an order: the groups of the reception task. */
  static final String RECEIVERS = "hasAnyRole('TECHNICIAN','BUYER')";

  private final PurchaseRequests requests;
  private final WarrantyReturns warrantyReturns;
  private final ReceptionImport receptionImport;

  PurchaseController(
      PurchaseRequests requests, WarrantyReturns warrantyReturns, ReceptionImport receptionImport) {
    this.requests = requests;
    this.warrantyReturns = warrantyReturns;
    this.receptionImport = receptionImport;
  }

  @GetMapping("/purchases")
  String list(Model model) {
    model.addAttribute(
        "form",
        new PurchaseRequests.RequestInput(null, null, null, 1, null, "NONE", null, null, "C"));
    return page(model, Map.of(), Map.of("quantity", "1"));
  }

  @PostMapping("/purchases")
  String submit(
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String quantity,
      @RequestParam(required = false) String useCase,
      @RequestParam(required = false) String securityConstraint,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate neededBy,
      @RequestParam(required = false) String justification,
      @RequestParam(required = false) String minimumGrade,
      Principal user,
      Model model) {
    Integer units = null;
    try {
      units = quantity == null || quantity.isBlank() ? null : Integer.valueOf(quantity.strip());
    } catch (NumberFormatException e) {
      units = -1;
    }
    PurchaseRequests.RequestInput input =
        new PurchaseRequests.RequestInput(
            service,
            site,
            category,
            units,
            useCase,
            securityConstraint,
            neededBy,
            justification,
            minimumGrade);
    try {
      PurchaseRequest created = requests.submit(input, user.getName());
      return "redirect:/purchases/" + created.id();
    } catch (InvalidInputException e) {
      model.addAttribute("form", input);
      return page(model, e.errors(), Map.of("quantity", quantity == null ? "" : quantity));
    }
  }

  @GetMapping("/purchases/{id}")
  String detail(@PathVariable long id, Model model) {
    PurchaseRequest request =
        requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("request", request);
    if (!model.containsAttribute("importErrors")) {
      model.addAttribute("importErrors", Map.of());
    }
    if (!model.containsAttribute("returnErrors")) {
      model.addAttribute("returnErrors", Map.of());
    }
    model.addAttribute("remedies", WarrantyReturn.Remedy.values());
    model.addAttribute("assigned", requests.assignedFromStock(id));
    model.addAttribute("offers", requests.offers(id));
    requests
        .orderOf(id)
        .ifPresent(
            order -> {
              model.addAttribute("order", order);
              model.addAttribute("units", requests.units(order.id()));
              model.addAttribute("warrantyReturns", requests.warrantyReturns(order.id()));
            });
    return "purchasing/purchase";
  }

  /**
   * The reception of the order from a CSV file: checked line by line, then the reception task is
   * completed in the user's name; nothing is completed when anything is refused.
   */
  @PostMapping("/purchases/{id}/reception")
  @PreAuthorize(RECEIVERS)
  String importReception(
      @PathVariable long id,
      @RequestParam(required = false) String receivedOn,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String receptionNotes,
      Authentication authentication,
      Model model,
      RedirectAttributes redirect) {
    PurchaseRequest request =
        requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = null;
    if (receivedOn != null && !receivedOn.isBlank()) {
      try {
        date = LocalDate.parse(receivedOn.strip());
      } catch (DateTimeParseException e) {
        errors.put("receivedOn", "Date de réception illisible : écrivez-la JJ/MM/AAAA.");
      }
    }
    if (errors.isEmpty()) {
      try {
        ReceptionImport.Imported imported =
            receptionImport.importFile(
                request,
                date,
                bytes(file),
                receptionNotes,
                ReceptionImport.Receiver.of(authentication));
        redirect.addFlashAttribute(
            "message",
            "Réception importée : %d unité(s) acceptée(s), %d refusée(s). L'inscription à"
                    .formatted(imported.accepted(), imported.refused())
                + " l'inventaire suit, cette page l'affiche une fois faite.");
        return "redirect:/purchases/" + id;
      } catch (InvalidInputException e) {
        errors.putAll(e.errors());
      } catch (io.camunda.client.api.command.ClientException e) {
        // the engine refused the completion (the task was completed meanwhile): nothing recorded
        errors.put(
            "task",
            "La tâche de réception n'a pas pu être terminée (déjà terminée par quelqu'un d'autre ?)"
                + " : rechargez la page.");
      }
    }
    model.addAttribute("importErrors", errors);
    model.addAttribute(
        "importForm",
        Map.of(
            "receivedOn",
            receivedOn == null ? "" : receivedOn,
            "receptionNotes",
            receptionNotes == null ? "" : receptionNotes));
    return detail(id, model);
  }

  /** A unit of the order sent back to its supplier under warranty. */
  @PostMapping("/purchases/{id}/warranty-returns")
  @PreAuthorize(RECEIVERS)
  String warrantyReturn(
      @PathVariable long id,
      @RequestParam(required = false) String inventoryNumber,
      @RequestParam(required = false) String returnedOn,
      @RequestParam(required = false) String remedy,
      @RequestParam(required = false) String reason,
      Principal user,
      Model model,
      RedirectAttributes redirect) {
    requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = null;
    if (returnedOn != null && !returnedOn.isBlank()) {
      try {
        date = LocalDate.parse(returnedOn.strip());
      } catch (DateTimeParseException e) {
        errors.put("returnedOn", "Date du retour illisible : écrivez-la JJ/MM/AAAA.");
      }
    }
    if (errors.isEmpty()) {
      try {
        WarrantyReturn recorded =
            warrantyReturns.recordWarrantyReturn(
                id,
                new WarrantyReturns.WarrantyReturnInput(inventoryNumber, date, remedy, reason),
                user.getName());
        redirect.addFlashAttribute(
            "message", "Retour sous garantie de " + recorded.inventoryNumber() + " enregistré.");
        return "redirect:/purchases/" + id;
      } catch (InvalidInputException e) {
        errors.putAll(e.errors());
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("inventoryNumber", inventoryNumber == null ? "" : inventoryNumber);
    form.put("returnedOn", returnedOn == null ? "" : returnedOn);
    form.put("remedy", remedy == null ? "" : remedy);
    form.put("reason", reason == null ? "" : reason);
    model.addAttribute("returnErrors", errors);
    model.addAttribute("returnForm", form);
    return detail(id, model);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file == null ? new byte[0] : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String page(Model model, Map<String, String> errors, Map<String, String> raw) {
    model.addAttribute("requests", requests.requests());
    model.addAttribute("categories", AssetCategory.values());
    model.addAttribute("useCases", UseCase.values());
    model.addAttribute("constraints", SecurityConstraint.values());
    model.addAttribute("errors", errors);
    model.addAttribute("raw", raw);
    return "purchasing/purchases";
  }
}
