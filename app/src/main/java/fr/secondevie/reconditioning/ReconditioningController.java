package fr.secondevie.reconditioning;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.processes.AssetEndOfLifeProcess.ReconditioningResults;
import java.math.BigDecimal;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the reconditioning orders (the workshop records their completion) and of the
 * reconditioners. Anyone logged in reads; technicians, asset managers and administrators complete
 * orders; asset managers and administrators manage reconditioners.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ReconditioningController {

  static final String WORKSHOP = "hasAnyRole('TECHNICIAN','ASSET_MANAGER','ADMIN')";
  static final String MANAGERS = "hasAnyRole('ASSET_MANAGER','ADMIN')";

  private final ReconditioningService service;
  private final ReconditionerRegistry reconditioners;

  ReconditioningController(ReconditioningService service, ReconditionerRegistry reconditioners) {
    this.service = service;
    this.reconditioners = reconditioners;
  }

  /** The completion form of the page: the cost is typed in euros ("1 234,56"). */
  record CompletionForm(
      String result,
      String workDone,
      String partsReplaced,
      String cost,
      String newGrade,
      Integer lifetimeExtensionMonths) {

    static CompletionForm empty() {
      return new CompletionForm(null, null, null, null, null, null);
    }
  }

  @GetMapping("/reconditioning-orders")
  String orders(Model model) {
    model.addAttribute("orders", service.orders());
    return "reconditioning/orders";
  }

  @GetMapping("/reconditioning-orders/{id}")
  String order(@PathVariable long id, Model model) {
    return order(model, find(id), CompletionForm.empty(), Map.of());
  }

  @PostMapping("/reconditioning-orders/{id}/completion")
  @PreAuthorize(WORKSHOP)
  String complete(
      @PathVariable long id,
      @ModelAttribute("form") CompletionForm form,
      BindingResult binding,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    ReconditioningOrder order = find(id);
    Map<String, String> errors = new LinkedHashMap<>();
    binding
        .getFieldErrors()
        .forEach(
            e ->
                errors.putIfAbsent(
                    e.getField(), "Valeur « " + e.getRejectedValue() + " » incompréhensible."));
    Long cents = null;
    if (form.cost() == null || form.cost().isBlank()) {
      errors.putIfAbsent("cost", "Indiquez le coût (0 s'il est nul).");
    } else {
      try {
        BigDecimal euros =
            new BigDecimal(form.cost().replaceAll("[\\s\\u00A0\\u202F€]", "").replace(',', '.'));
        if (euros.stripTrailingZeros().scale() > 2) {
          errors.putIfAbsent("cost", "Le coût a plus de deux décimales.");
        } else {
          cents = euros.movePointRight(2).longValueExact();
        }
      } catch (NumberFormatException | ArithmeticException e) {
        errors.putIfAbsent("cost", "« " + form.cost() + " » n'est pas un montant en euros.");
      }
    }
    Completion completion =
        new Completion(
            form.result(),
            form.workDone(),
            form.partsReplaced(),
            cents == null ? 0L : cents,
            form.newGrade(),
            form.lifetimeExtensionMonths());
    try {
      completion.validate();
    } catch (InvalidInputException e) {
      e.errors().forEach((field, message) -> errors.putIfAbsent(rename(field), message));
    }
    if (!errors.isEmpty()) {
      return order(model, order, form, errors);
    }
    try {
      service.record(id, completion, principal.getName());
    } catch (InvalidInputException e) {
      return order(model, order, form, e.errors());
    }
    redirect.addFlashAttribute(
        "message",
        "Remise en état enregistrée ; le processus de l'équipement en est prévenu (« Processus"
            + " prévenu » l'indique).");
    return "redirect:/reconditioning-orders/" + id;
  }

  @PostMapping("/reconditioning-orders/{id}/publish")
  @PreAuthorize(WORKSHOP)
  String republish(@PathVariable long id, RedirectAttributes redirect) {
    find(id);
    publish(
        id,
        redirect,
        "Le processus de l'équipement va être prévenu à nouveau (« Processus prévenu »"
            + " l'indique).");
    return "redirect:/reconditioning-orders/" + id;
  }

  private void publish(long id, RedirectAttributes redirect, String success) {
    service.publish(id);
    redirect.addFlashAttribute("message", success);
  }

  private static String rename(String field) {
    return "costCents".equals(field) ? "cost" : field;
  }

  @GetMapping("/reconditioners")
  String reconditioners(Model model) {
    return reconditioners(model, ReconditionerForm.empty(), Map.of());
  }

  @PostMapping("/reconditioners")
  @PreAuthorize(MANAGERS)
  String addReconditioner(
      @ModelAttribute("form") ReconditionerForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    try {
      Reconditioner created = reconditioners.create(form);
      redirect.addFlashAttribute("message", "« " + created.name() + " » enregistré.");
      return "redirect:/reconditioners";
    } catch (InvalidInputException e) {
      return reconditioners(model, form, e.errors());
    }
  }

  @PostMapping("/reconditioners/{id}/active")
  @PreAuthorize(MANAGERS)
  String toggle(@PathVariable long id, boolean active, RedirectAttributes redirect) {
    Reconditioner r;
    try {
      r = reconditioners.setActive(id, active);
    } catch (InvalidInputException e) {
      // the only input is the id in the address: an unknown one is not a form error
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun reconditionneur n° " + id);
    }
    redirect.addFlashAttribute(
        "message", "« " + r.name() + " » " + (r.active() ? "activé." : "désactivé."));
    return "redirect:/reconditioners";
  }

  private String reconditioners(Model model, ReconditionerForm form, Map<String, String> errors) {
    model.addAttribute("reconditioners", reconditioners.all());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("channels", Channel.values());
    return "reconditioning/reconditioners";
  }

  private String order(
      Model model, ReconditioningOrder order, CompletionForm form, Map<String, String> errors) {
    model.addAttribute("order", order);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("reconditioned", ReconditioningResults.RECONDITIONED);
    model.addAttribute("beyondRepair", ReconditioningResults.BEYOND_REPAIR);
    return "reconditioning/order";
  }

  private ReconditioningOrder find(long id) {
    return service
        .find(id)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Aucun ordre de remise en état n° " + id));
  }
}
