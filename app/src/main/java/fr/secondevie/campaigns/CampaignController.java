package fr.secondevie.campaigns;

import fr.secondevie.campaigns.CampaignService.CreateCampaign;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetQuery;
import fr.secondevie.inventory.AssetStatistics;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaign pages: list, creation from imported assets (a selection, or a whole site), detail with
 * its progress (refreshed by htmx from the recorded facts) and the start button.
 */
@Controller
@RequestMapping("/campaigns")
@PreAuthorize("isAuthenticated()")
class CampaignController {

  static final String MANAGERS = "hasAnyRole('ASSET_MANAGER','ADMIN')";

  private final CampaignService campaigns;
  private final InventoryService inventory;

  CampaignController(CampaignService campaigns, InventoryService inventory) {
    this.campaigns = campaigns;
    this.inventory = inventory;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("campaigns", campaigns.latest());
    return "campaigns/list";
  }

  /** Assets listed per page of a campaign. */
  static final int ASSETS_PER_PAGE = 50;

  @GetMapping("/new")
  @PreAuthorize(MANAGERS)
  String newCampaign(
      @RequestParam(required = false) String site,
      @RequestParam(required = false) AssetCategory category,
      @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    form(model, site, category, status, q, page);
    return "campaigns/new";
  }

  /**
   * The creation form searched or paged again, or its selection changed, keeping the name typed,
   * the choices and every asset ticked so far (on this page or on others).
   *
   * @param select {@code page} ticks the assets of the page, {@code matching} every asset matching
   *     the filter, {@code none} clears the selection
   */
  @PostMapping("/new")
  @PreAuthorize(MANAGERS)
  String refineCampaign(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "selection") String mode,
      @RequestParam(required = false) List<Long> assetIds,
      @RequestParam(required = false) List<Long> shownIds,
      @RequestParam(required = false) String campaignSite,
      @RequestParam(required = false) AssetCategory campaignCategory,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) AssetCategory category,
      @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(defaultValue = "0") int currentPage,
      @RequestParam(required = false) String select,
      Model model) {
    int shownPage = page == null ? currentPage : page;
    Set<Long> chosen = new LinkedHashSet<>(assetIds == null ? List.of() : assetIds);
    AssetQuery query = query(site, category, status, q, shownPage);
    if ("page".equals(select) && shownIds != null) {
      chosen.addAll(shownIds);
    } else if ("matching".equals(select)) {
      chosen.addAll(inventory.matchingIds(query, CampaignService.MAX_ASSETS + 1));
    } else if ("none".equals(select)) {
      chosen.clear();
    }
    model.addAttribute("name", name);
    model.addAttribute("mode", "site".equals(mode) ? "site" : "selection");
    model.addAttribute("campaignSite", campaignSite);
    model.addAttribute("campaignCategory", campaignCategory);
    model.addAttribute("chosen", List.copyOf(chosen));
    form(model, site, category, status, q, shownPage);
    return "campaigns/new";
  }

  @PostMapping
  @PreAuthorize(MANAGERS)
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "selection") String mode,
      @RequestParam(required = false) List<Long> assetIds,
      @RequestParam(required = false) String campaignSite,
      @RequestParam(required = false) AssetCategory campaignCategory,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) AssetCategory category,
      @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int currentPage,
      Authentication user,
      Model model,
      RedirectAttributes redirect) {
    boolean bySite = "site".equals(mode);
    try {
      Campaign campaign =
          campaigns.create(
              new CreateCampaign(
                  name,
                  bySite ? List.of() : assetIds == null ? List.of() : assetIds,
                  bySite ? campaignSite : null,
                  bySite ? campaignCategory : null,
                  user.getName()));
      redirect.addFlashAttribute(
          "message",
          "Campagne « %s » créée avec %d équipement(s). Vérifiez-la, puis lancez-la."
              .formatted(campaign.name(), campaign.assetCount()));
      return "redirect:/campaigns/" + campaign.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      model.addAttribute("name", name);
      model.addAttribute("mode", bySite ? "site" : "selection");
      model.addAttribute("campaignSite", campaignSite);
      model.addAttribute("campaignCategory", campaignCategory);
      model.addAttribute("chosen", assetIds == null ? List.of() : assetIds);
      form(model, site, category, status, q, currentPage);
      return "campaigns/new";
    }
  }

  @GetMapping("/{id}")
  String detail(
      @PathVariable long id,
      @RequestParam(required = false) DispositionRoute route,
      @RequestParam(required = false) AssetStatus step,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Campaign campaign = campaign(id);
    model.addAttribute("campaign", campaign);
    model.addAttribute("progress", campaigns.progress(id));
    AssetQuery assets = new AssetQuery(step, null, null, q, page, ASSETS_PER_PAGE, route, id);
    model.addAttribute("assetQuery", assets);
    model.addAttribute("assets", inventory.search(assets));
    model.addAttribute("steps", AssetStatus.values());
    model.addAttribute("routes", DispositionRoute.values());
    return "campaigns/detail";
  }

  @GetMapping("/{id}/progress")
  String progress(@PathVariable long id, Model model) {
    model.addAttribute("campaign", campaign(id));
    model.addAttribute("progress", campaigns.progress(id));
    return "campaigns/progress :: progress";
  }

  @PostMapping("/{id}/start")
  @PreAuthorize(MANAGERS)
  String start(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    campaign(id);
    try {
      campaigns.start(id, user.getName());
      redirect.addFlashAttribute(
          "message", "Campagne lancée : le processus traite ses équipements.");
    } catch (RuntimeException e) {
      redirect.addFlashAttribute(
          "failure",
          "Le moteur de processus n'a pas lancé la campagne : "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    return "redirect:/campaigns/" + id;
  }

  private void form(
      Model model, String site, AssetCategory category, AssetStatus status, String q, int page) {
    AssetQuery query = query(site, category, status, q, page);
    model.addAttribute("query", query);
    model.addAttribute("result", inventory.search(query));
    model.addAttribute("sites", inventory.sites());
    model.addAttribute("categories", AssetCategory.values());
    model.addAttribute("statuses", AssetStatistics.RETIRABLE);
    model.addAttribute("maxAssets", CampaignService.MAX_ASSETS);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (!model.containsAttribute("mode")) {
      model.addAttribute("mode", "selection");
    }
    if (!model.containsAttribute("chosen")) {
      model.addAttribute("chosen", List.of());
    }
  }

  private static AssetQuery query(
      String site, AssetCategory category, AssetStatus status, String q, int page) {
    AssetStatus shown =
        status != null && AssetStatistics.RETIRABLE.contains(status)
            ? status
            : AssetStatus.IN_SERVICE;
    return new AssetQuery(shown, category, site, q, page, AssetQuery.MAX_SIZE);
  }

  private Campaign campaign(long id) {
    return campaigns
        .find(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune campagne n° " + id));
  }
}
