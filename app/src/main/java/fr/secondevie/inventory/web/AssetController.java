package fr.secondevie.inventory.web;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetQuery;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Asset list (filters, paging) and asset detail with its chain of custody. */
@Controller
class AssetController {

  private final InventoryService inventory;

  AssetController(InventoryService inventory) {
    this.inventory = inventory;
  }

  @GetMapping("/assets")
  String list(
      @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) AssetCategory category,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      Model model) {
    AssetQuery query = new AssetQuery(status, category, site, q, page, size);
    model.addAttribute("query", query);
    model.addAttribute("result", inventory.search(query));
    model.addAttribute("statuses", AssetStatus.values());
    model.addAttribute("categories", AssetCategory.values());
    model.addAttribute("sites", inventory.sites());
    return "inventory/list";
  }

  @GetMapping("/assets/{id}")
  String detail(@PathVariable long id, Model model) {
    Asset asset =
        inventory.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("asset", asset);
    model.addAttribute("custody", inventory.custodyOf(id));
    model.addAttribute("verification", inventory.verifyCustody(id));
    return "inventory/detail";
  }
}
