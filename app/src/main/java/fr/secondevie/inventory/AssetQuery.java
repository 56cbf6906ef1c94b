package fr.secondevie.inventory;

import org.springframework.modulith.NamedInterface;

/**
 * Filters and page of an asset search; null filters match everything.
 *
 * @param text matches the start of the inventory number or serial number, or part of the model
 * @param page zero-based page number
 * @param route the recorded disposition route, or null for all
 * @param campaignId only the assets of this renewal campaign, or null for all
 */
@NamedInterface("api")
public record AssetQuery(
    AssetStatus status,
    AssetCategory category,
    String site,
    String text,
    int page,
    int size,
    DispositionRoute route,
    Long campaignId) {

  public static final int MAX_SIZE = 200;

  public AssetQuery {
    page = Math.max(0, page);
    size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
    site = site == null || site.isBlank() ? null : site.strip();
    text = text == null || text.isBlank() ? null : text.strip();
  }

  public AssetQuery(
      AssetStatus status, AssetCategory category, String site, String text, int page, int size) {
    this(status, category, site, text, page, size, null, null);
  }
}
