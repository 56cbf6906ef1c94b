package fr.secondevie.inventory.web;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetQuery;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyText;
import fr.secondevie.inventory.InventoryService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Asset list (filters, paging) and asset detail with its timeline: the chain of custody, each entry
 * linked to the document its evidence cites (certificates, reports, agreements), and the documents
 * the asset owns.
 */
@Controller
class AssetController {

  private final InventoryService inventory;
  private final DocumentService documents;
  private final StepLabels steps;

  AssetController(InventoryService inventory, DocumentService documents, StepLabels steps) {
    this.inventory = inventory;
    this.documents = documents;
    this.steps = steps;
  }

  @GetMapping("/assets")
  String list(
      @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) AssetCategory category,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      @RequestParam(required = false) String campaign,
      Model model) {
    Long campaignId =
        campaign != null && campaign.strip().matches("\\d{1,18}")
            ? Long.valueOf(campaign.strip())
            : null;
    AssetQuery query = new AssetQuery(status, category, site, q, page, size, null, campaignId);
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
    List<StoredDocument> owned = documents.ownedBy("asset:" + asset.inventoryNumber());
    Map<String, StoredDocument> byPublicId =
        owned.stream()
            .collect(Collectors.toMap(StoredDocument::publicId, Function.identity(), (a, b) -> a));
    model.addAttribute(
        "timeline",
        inventory.custodyOf(id).stream()
            .map(
                e ->
                    TimelineEntry.of(
                        e,
                        publicId ->
                            byPublicId.containsKey(publicId)
                                ? byPublicId.get(publicId)
                                : documents.find(publicId).orElse(null),
                        steps))
            .toList());
    model.addAttribute("documents", owned);
    model.addAttribute(
        "authors",
        owned.stream()
            .collect(
                Collectors.toMap(
                    StoredDocument::publicId,
                    d -> CustodyText.actor(d.createdBy()).name(),
                    (a, b) -> a)));
    model.addAttribute("verification", inventory.verifyCustody(id));
    return "inventory/detail";
  }
}
