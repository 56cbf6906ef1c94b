package fr.secondevie.inventory;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** One page of an asset search. */
@NamedInterface("api")
public record AssetPage(List<AssetSummary> content, int page, int size, long totalElements) {

  public int totalPages() {
    return (int) ((totalElements + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }

  public boolean hasPrevious() {
    return page > 0;
  }
}
