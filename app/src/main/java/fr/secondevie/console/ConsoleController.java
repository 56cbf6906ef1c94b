package fr.secondevie.console;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.console.ConsoleViews.ElementRow;
import fr.secondevie.console.ConsoleViews.IncidentGroup;
import fr.secondevie.console.ConsoleViews.IncidentRow;
import fr.secondevie.console.ConsoleViews.InstanceDetail;
import fr.secondevie.console.ConsoleViews.InstancePage;
import fr.secondevie.console.ConsoleViews.ProcessVersion;
import fr.secondevie.console.DiagramRenderer.DiagramException;
import fr.secondevie.console.DiagramRenderer.Marks;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.models.ModelJournal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations console's pages: processes and versions, instances, one instance (diagram,
 * elements, variables, incidents, actions) and the open incidents. Asset managers and
 * administrators act; auditors read.
 */
@Controller
@RequestMapping("/console")
@PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN','AUDITOR')")
class ConsoleController {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleController.class);

  private final ConsoleRuntime runtime;
  private final ProcessVersions processes;
  private final ConsoleActions actions;
  private final ConsoleAudit audit;
  private final InventoryService inventory;
  private final ModelJournal models;

  ConsoleController(
      ConsoleRuntime runtime,
      ProcessVersions processes,
      ConsoleActions actions,
      ConsoleAudit audit,
      InventoryService inventory,
      ModelJournal models) {
    this.runtime = runtime;
    this.processes = processes;
    this.actions = actions;
    this.audit = audit;
    this.inventory = inventory;
    this.models = models;
  }

  @GetMapping
  String processes(Model model) {
    List<ProcessVersion> versions = processes.processVersions();
    model.addAttribute("versions", versions);
    model.addAttribute("uploaded", models.deployedVersions());
    return "console/processes";
  }

  @GetMapping("/instances")
  String instances(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asset,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String page,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    Integer versionNumber = positiveInt("version", version, "La version", errors);
    Integer pageNumber = positiveInt("page", page, "La page", errors);
    Long campaignId = null;
    Integer campaignNumber = positiveInt("campaign", campaign, "La campagne", errors);
    if (campaignNumber != null) {
      campaignId = campaignNumber.longValue();
    }
    InstanceState stateValue = null;
    if (state != null && !state.isBlank()) {
      try {
        stateValue = InstanceState.valueOf(state.strip());
      } catch (IllegalArgumentException e) {
        errors.put("state", "État inconnu : « " + state + " ».");
      }
    }
    LocalDate fromDate = date("from", from, errors);
    LocalDate toDate = date("to", to, errors);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      errors.put("to", "La date de fin (" + to + ") précède la date de début (" + from + ").");
    }
    InstanceFilter filter =
        new InstanceFilter(
            process,
            versionNumber,
            stateValue,
            fromDate,
            toDate,
            asset,
            campaignId,
            pageNumber == null ? 1 : pageNumber,
            InstanceFilter.DEFAULT_SIZE);
    Supplier<List<String>> processIds = processes.askProcessIds();
    Long assetId = null;
    if (errors.isEmpty() && filter.inventoryNumber() != null) {
      Optional<Asset> found = inventory.findByInventoryNumber(filter.inventoryNumber());
      if (found.isEmpty()) {
        errors.put(
            "asset",
            "Aucun équipement n'a le numéro d'inventaire « " + filter.inventoryNumber() + " ».");
      } else {
        assetId = found.get().id();
      }
    }
    model.addAttribute("filter", filter);
    model.addAttribute(
        "raw",
        Map.of(
            "process", text(process),
            "version", text(version),
            "state", text(state),
            "from", text(from),
            "to", text(to),
            "asset", text(asset),
            "campaign", text(campaign)));
    model.addAttribute("errors", errors);
    model.addAttribute("states", InstanceState.values());
    model.addAttribute(
        "result", errors.isEmpty() ? runtime.instances(filter, assetId) : emptyPage(filter));
    model.addAttribute("processIds", processIds.get());
    return "console/instances";
  }

  @GetMapping("/instances/{key}")
  String instance(@PathVariable long key, Model model) {
    InstanceDetail detail =
        runtime
            .instance(key)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Aucune instance de processus n° " + key));
    Set<String> active = new TreeSet<>();
    Set<String> completed = new TreeSet<>();
    Set<String> incidents = new TreeSet<>();
    for (ElementRow element : detail.elements()) {
      if (element.active()) {
        active.add(element.elementId());
      } else if (element.completed()) {
        completed.add(element.elementId());
      }
    }
    detail.openIncidents().forEach(i -> incidents.add(i.elementId()));
    String svg = null;
    String diagramError = null;
    try {
      svg =
          DiagramRenderer.render(
              detail.bpmnXml(),
              new Marks(active, completed, incidents, new TreeSet<>(detail.takenFlows())));
    } catch (DiagramException e) {
      diagramError = e.getMessage();
    }
    model.addAttribute("detail", detail);
    model.addAttribute("svg", svg);
    model.addAttribute("diagramError", diagramError);
    model.addAttribute("journal", audit.ofInstance(key));
    model.addAttribute("maxReason", ConsoleActions.MAX_REASON);
    return "console/instance";
  }

  /** Incidents listed per page (the groups count them all). */
  static final int INCIDENTS_PER_PAGE = 50;

  @GetMapping("/incidents")
  String incidents(@RequestParam(required = false) String page, Model model) {
    List<IncidentRow> open = runtime.openIncidents();
    Map<List<String>, Long> totals = new HashMap<>();
    open.forEach(incident -> totals.merge(groupOf(incident), 1L, Long::sum));
    int pages = Math.max(1, (open.size() + INCIDENTS_PER_PAGE - 1) / INCIDENTS_PER_PAGE);
    int number = 1;
    if (page != null && page.strip().matches("\\d{1,6}")) {
      number = Math.min(pages, Math.max(1, Integer.parseInt(page.strip())));
    }
    List<IncidentRow> shown =
        open.subList(
            (number - 1) * INCIDENTS_PER_PAGE, Math.min(open.size(), number * INCIDENTS_PER_PAGE));
    Map<List<String>, List<IncidentRow>> grouped = new LinkedHashMap<>();
    for (IncidentRow incident : shown) {
      grouped.computeIfAbsent(groupOf(incident), k -> new ArrayList<>()).add(incident);
    }
    List<IncidentGroup> groups = new ArrayList<>();
    grouped.forEach(
        (k, rows) ->
            groups.add(
                new IncidentGroup(k.get(0), k.get(1), k.get(2), k.get(3), rows, totals.get(k))));
    model.addAttribute("groups", groups);
    model.addAttribute("count", open.size());
    model.addAttribute("page", number);
    model.addAttribute("pages", pages);
    model.addAttribute("perPage", INCIDENTS_PER_PAGE);
    return "console/incidents";
  }

  private static List<String> groupOf(IncidentRow incident) {
    return List.of(
        text(incident.processId()),
        text(incident.elementId()),
        text(incident.errorType()),
        text(incident.message()));
  }

  @PostMapping("/incidents/{key}/retry")
  @PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN')")
  String retry(
      @PathVariable long key,
      @RequestParam(name = "back", required = false) String back,
      @RequestParam(name = "variable", required = false) String variable,
      @RequestParam(name = "value", required = false) String value,
      Principal user,
      RedirectAttributes redirect) {
    return onIncident(
        key,
        back,
        redirect,
        () -> actions.retry(user.getName(), key, variable, value),
        "Incident " + key + " : nouvel essai demandé, incident résolu.",
        "Nouvel essai refusé : ");
  }

  @PostMapping("/incidents/{key}/resolve")
  @PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN')")
  String resolve(
      @PathVariable long key,
      @RequestParam(name = "back", required = false) String back,
      @RequestParam(name = "variable", required = false) String variable,
      @RequestParam(name = "value", required = false) String value,
      Principal user,
      RedirectAttributes redirect) {
    return onIncident(
        key,
        back,
        redirect,
        () -> actions.resolve(user.getName(), key, variable, value),
        "Incident " + key + " résolu sans nouvel essai.",
        "Résolution refusée : ");
  }

  /** An action on an incident of the runtime, returning the key of the instance it belongs to. */
  @FunctionalInterface
  private interface IncidentAction {
    long run();
  }

  /**
   * Runs an action on incident {@code key}, says how it went, and goes back where it was asked
   * from: the instance's page ({@code back=instance}) or the incidents.
   */
  private String onIncident(
      long key,
      String back,
      RedirectAttributes redirect,
      IncidentAction action,
      String notice,
      String refusal) {
    try {
      long instanceKey = action.run();
      redirect.addFlashAttribute("notice", notice);
      return "instance".equals(back)
          ? "redirect:/console/instances/" + instanceKey
          : "redirect:/console/incidents";
    } catch (InvalidInputException | ConsoleUnavailableException e) {
      redirect.addFlashAttribute("failure", refusal + why(e));
      return "instance".equals(back)
          ? runtime
              .incident(key)
              .map(i -> "redirect:/console/instances/" + i.processInstanceKey())
              .orElse("redirect:/console/incidents")
          : "redirect:/console/incidents";
    }
  }

  @PostMapping("/instances/{key}/cancel")
  @PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN')")
  String cancel(
      @PathVariable long key,
      @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
      @RequestParam(name = "reason", required = false) String reason,
      Principal user,
      RedirectAttributes redirect) {
    try {
      actions.cancel(user.getName(), key, confirm, reason);
      redirect.addFlashAttribute("notice", "Instance " + key + " annulée.");
    } catch (InvalidInputException | ConsoleUnavailableException e) {
      redirect.addFlashAttribute("failure", "Annulation refusée : " + why(e));
      redirect.addFlashAttribute("reason", reason);
    }
    return "redirect:/console/instances/" + key;
  }

  @ExceptionHandler(ConsoleUnavailableException.class)
  @ResponseStatus(HttpStatus.BAD_GATEWAY)
  String unavailable(ConsoleUnavailableException e, Model model) {
    LOG.warn("Console: the process runtime refused or did not answer: {}", e.getMessage());
    model.addAttribute("message", e.getMessage());
    return "console/unavailable";
  }

  /** Why an action was refused, in French: the input's problems, or the runtime's message. */
  private static String why(RuntimeException refused) {
    return refused instanceof InvalidInputException invalid
        ? invalid.messages()
        : refused.getMessage();
  }

  private static InstancePage emptyPage(InstanceFilter filter) {
    return new InstancePage(List.of(), 0, 1, filter.size());
  }

  private static Integer positiveInt(
      String field, String value, String label, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < 1) {
        errors.put(field, label + " doit être un nombre entier positif (reçu « " + value + " »).");
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      errors.put(field, label + " doit être un nombre entier positif (reçu « " + value + " »).");
      return null;
    }
  }

  private static LocalDate date(String field, String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "Date invalide « " + value + " » : attendu AAAA-MM-JJ.");
      return null;
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
