package fr.secondevie.inventory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * Lifecycle status of an asset and the transitions the end-of-life processes may make.
 *
 * <pre>
 * IN_SERVICE ──► DECOMMISSIONING ──► SANITIZING ──► SANITIZED ──► AWAITING_ROUTE (arbitration)
 *   ▲    ▲            │                  │  ▲           │               │
 *   │    └────────────┘ (withdrawn)      ▼  │           ▼               ▼
 *   │                            MEDIA_DESTRUCTION  DONATION_PENDING ──► DONATED
 *   │                                                │  RECONDITIONING ──► IN_STOCK ──► IN_SERVICE
 *   │                                                ▼  RECYCLING_PENDING ──► RECYCLED
 * IN_STOCK ◄──────────────────────────────────── (second life)
 * </pre>
 *
 * <ul>
 *   <li>A donation with no beneficiary or refused falls back to reconditioning or recycling; a
 *       reconditioning that fails falls back to recycling.
 *   <li>Sanitization that fails for any medium requires its physical destruction
 *       (MEDIA_DESTRUCTION) before the asset counts as SANITIZED: an asset never leaves with
 *       storage that has neither a passing certificate nor a destruction proof.
 *   <li>DONATED and RECYCLED are final.
 * </ul>
 */
@NamedInterface("api")
public enum AssetStatus {
  IN_SERVICE("En service"),
  IN_STOCK("En stock"),
  DECOMMISSIONING("Retrait en cours"),
  SANITIZING("Effacement en cours"),
  MEDIA_DESTRUCTION("Destruction des supports"),
  SANITIZED("Effacé"),
  AWAITING_ROUTE("Orientation à arbitrer"),
  DONATION_PENDING("Don en cours"),
  RECONDITIONING("Reconditionnement en cours"),
  RECYCLING_PENDING("Recyclage en cours"),
  DONATED("Donné"),
  RECYCLED("Recyclé");

  private static final Map<AssetStatus, Set<AssetStatus>> ALLOWED =
      new EnumMap<>(AssetStatus.class);

  static {
    allow(IN_SERVICE, DECOMMISSIONING, IN_STOCK);
    allow(IN_STOCK, IN_SERVICE, DECOMMISSIONING);
    allow(DECOMMISSIONING, SANITIZING, IN_SERVICE);
    allow(SANITIZING, SANITIZED, MEDIA_DESTRUCTION);
    allow(MEDIA_DESTRUCTION, SANITIZED);
    allow(SANITIZED, AWAITING_ROUTE, DONATION_PENDING, RECONDITIONING, RECYCLING_PENDING);
    allow(AWAITING_ROUTE, DONATION_PENDING, RECONDITIONING, RECYCLING_PENDING);
    allow(DONATION_PENDING, DONATED, RECONDITIONING, RECYCLING_PENDING);
    allow(RECONDITIONING, IN_STOCK, RECYCLING_PENDING);
    allow(RECYCLING_PENDING, RECYCLED);
    allow(DONATED);
    allow(RECYCLED);
  }

  private final String label;

  AssetStatus(String label) {
    this.label = label;
  }

  private static void allow(AssetStatus from, AssetStatus... to) {
    EnumSet<AssetStatus> next = EnumSet.noneOf(AssetStatus.class);
    next.addAll(java.util.List.of(to));
    ALLOWED.put(from, Collections.unmodifiableSet(next));
  }

  /** French label shown to users. */
  public String label() {
    return label;
  }

  /** The statuses an asset in this status may move to. */
  public Set<AssetStatus> allowedNext() {
    return ALLOWED.get(this);
  }

  public boolean canMoveTo(AssetStatus target) {
    return allowedNext().contains(target);
  }

  /**
   * Whether an asset may be registered (created) in this status: only the statuses of equipment in
   * the hospital's hands before its end of life. Every later status is reached through the
   * lifecycle, whose guards ask for the evidence (certificates, destruction proofs, attestation).
   */
  public boolean isEntry() {
    return this == IN_SERVICE || this == IN_STOCK || this == DECOMMISSIONING;
  }

  /** True for DONATED and RECYCLED: the asset has left the hospital. */
  public boolean isFinal() {
    return allowedNext().isEmpty();
  }
}
