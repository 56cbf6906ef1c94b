package fr.secondevie.purchasing;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Pages of the purchase requests: the list with the request form (any logged-in user requests), and
 * one request with its stock assignment, channel, offers, order and reception. Buyers act through
 * their tasks.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class PurchaseController {

  private final PurchasingService service;

  PurchaseController(PurchasingService service) {
    this.service = service;
  }

  @GetMapping("/purchases")
  String list(Model model) {
    model.addAttribute(
        "form", new PurchasingService.RequestInput(null, null, null, 1, null, "NONE", null, null));
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
      Principal user,
      Model model) {
    Integer units = null;
    try {
      units = quantity == null || quantity.isBlank() ? null : Integer.valueOf(quantity.strip());
    } catch (NumberFormatException e) {
      units = -1;
    }
    PurchasingService.RequestInput input =
        new PurchasingService.RequestInput(
            service, site, category, units, useCase, securityConstraint, neededBy, justification);
    try {
      PurchaseRequest created = this.service.submit(input, user.getName());
      return "redirect:/purchases/" + created.id();
    } catch (InvalidInputException e) {
      model.addAttribute("form", input);
      return page(model, e.errors(), Map.of("quantity", quantity == null ? "" : quantity));
    }
  }

  @GetMapping("/purchases/{id}")
  String detail(@PathVariable long id, Model model) {
    PurchaseRequest request =
        service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("request", request);
    model.addAttribute("assigned", service.assignedFromStock(id));
    model.addAttribute("offers", service.offers(id));
    service
        .orderOf(id)
        .ifPresent(
            order -> {
              model.addAttribute("order", order);
              model.addAttribute("units", service.units(order.id()));
            });
    return "purchasing/purchase";
  }

  private String page(Model model, Map<String, String> errors, Map<String, String> raw) {
    model.addAttribute("requests", service.requests());
    model.addAttribute("categories", AssetCategory.values());
    model.addAttribute("useCases", UseCase.values());
    model.addAttribute("constraints", SecurityConstraint.values());
    model.addAttribute("errors", errors);
    model.addAttribute("raw", raw);
    return "purchasing/purchases";
  }
}
