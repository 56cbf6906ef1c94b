package fr.secondevie.donation;

import fr.secondevie.inventory.AssetCategory;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a beneficiary asked for: categories of equipment and a quantity. Open until the quantity is
 * handed over (FULFILLED) or someone closes it (CLOSED). Assets are allocated to it when their
 * agreement is prepared; the received count is that of the donations handed over.
 */
@Table("donation_request")
class DonationRequest {

  @Id private Long id;
  @Version private Integer version;
  private long beneficiaryId;
  private String categories;
  private int quantity;
  private RequestStatus status;
  private String notes;
  private Instant openedAt;
  private Instant closedAt;
  private String closedReason;

  /** For Spring Data. */
  DonationRequest() {}

  static DonationRequest open(
      long beneficiaryId, Set<AssetCategory> categories, int quantity, String notes, Instant now) {
    DonationRequest r = new DonationRequest();
    r.beneficiaryId = beneficiaryId;
    r.categories = categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    r.quantity = quantity;
    r.notes = notes;
    r.status = RequestStatus.OPEN;
    r.openedAt = now;
    return r;
  }

  boolean wants(AssetCategory category) {
    return categories().contains(category);
  }

  boolean isOpen() {
    return status == RequestStatus.OPEN;
  }

  void close(String reason, Instant now) {
    if (status != RequestStatus.OPEN) {
      return;
    }
    status = RequestStatus.CLOSED;
    closedAt = now;
    closedReason = reason;
  }

  void fulfil(Instant now) {
    if (status != RequestStatus.OPEN) {
      return;
    }
    status = RequestStatus.FULFILLED;
    closedAt = now;
    closedReason = "Quantité demandée remise";
  }

  public Long id() {
    return id;
  }

  public long beneficiaryId() {
    return beneficiaryId;
  }

  public Set<AssetCategory> categories() {
    EnumSet<AssetCategory> set = EnumSet.noneOf(AssetCategory.class);
    Arrays.stream(categories.split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> set.add(AssetCategory.valueOf(s)));
    return set;
  }

  /** "Poste fixe, Écran" */
  public String categoryLabels() {
    return categories().stream().map(AssetCategory::label).collect(Collectors.joining(", "));
  }

  public int quantity() {
    return quantity;
  }

  public RequestStatus status() {
    return status;
  }

  public String notes() {
    return notes;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String closedReason() {
    return closedReason;
  }
}
