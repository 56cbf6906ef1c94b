package fr.secondevie.campaigns;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * A renewal campaign (aggregate root). Its assets are kept in their own table ({@link
 * CampaignAssets}), referenced by id.
 *
 * <pre>DRAFT ──start──► STARTED ──campaign.open──► OPEN ──campaign.close──► CLOSED</pre>
 */
@NamedInterface("api")
@Table("campaign")
public class Campaign {

  /** Where a campaign is. */
  public enum State {
    DRAFT("Brouillon"),
    STARTED("Lancée"),
    OPEN("En cours"),
    CLOSED("Clôturée");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The counts of {@code campaignSummary}. */
  public record Summary(
      int assetCount,
      int internalReuse,
      int donation,
      int recondition,
      int recycle,
      int withdrawn,
      int reuseOriented) {}

  @Id private Long id;
  @Version private Integer version;
  private String name;
  private String selection;
  private State state;
  private int assetCount;
  private String createdBy;
  private Instant createdAt;
  private String startedBy;
  private Instant startedAt;
  private Long processInstanceKey;
  private Instant openedAt;
  private Instant lastProgressReportAt;
  private Instant closedAt;
  private Integer summaryAssetCount;
  private Integer summaryInternalReuse;
  private Integer summaryDonation;
  private Integer summaryRecondition;
  private Integer summaryRecycle;
  private Integer summaryWithdrawn;
  private Integer summaryReuseOriented;

  /** For Spring Data. */
  protected Campaign() {}

  static Campaign draft(String name, String selection, int assetCount, String by, Instant at) {
    Campaign c = new Campaign();
    c.name = name;
    c.selection = selection;
    c.state = State.DRAFT;
    c.assetCount = assetCount;
    c.createdBy = by;
    c.createdAt = at;
    return c;
  }

  void started(long instanceKey, String by, Instant at) {
    require(State.DRAFT);
    state = State.STARTED;
    processInstanceKey = instanceKey;
    startedBy = by;
    startedAt = at;
  }

  /**
   * @return false when it was open already (nothing changes)
   */
  boolean open(Instant at) {
    if (state == State.OPEN) {
      return false;
    }
    require(State.STARTED);
    state = State.OPEN;
    openedAt = at;
    return true;
  }

  void progressReported(Instant at) {
    lastProgressReportAt = at;
  }

  /**
   * @return false when it was closed already (nothing changes)
   */
  boolean close(Summary s, Instant at) {
    if (state == State.CLOSED) {
      return false;
    }
    require(State.OPEN);
    state = State.CLOSED;
    closedAt = at;
    summaryAssetCount = s.assetCount();
    summaryInternalReuse = s.internalReuse();
    summaryDonation = s.donation();
    summaryRecondition = s.recondition();
    summaryRecycle = s.recycle();
    summaryWithdrawn = s.withdrawn();
    summaryReuseOriented = s.reuseOriented();
    return true;
  }

  private void require(State expected) {
    if (state != expected) {
      throw new IllegalStateException(
          "Campaign %d is %s, expected %s".formatted(id, state, expected));
    }
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** How the assets were chosen, in French. */
  public String selection() {
    return selection;
  }

  public State state() {
    return state;
  }

  public int assetCount() {
    return assetCount;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String startedBy() {
    return startedBy;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant lastProgressReportAt() {
    return lastProgressReportAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  /** The summary recorded at closing, or null before. */
  public Summary summary() {
    return summaryAssetCount == null
        ? null
        : new Summary(
            summaryAssetCount,
            summaryInternalReuse,
            summaryDonation,
            summaryRecondition,
            summaryRecycle,
            summaryWithdrawn,
            summaryReuseOriented);
  }
}
