package fr.secondevie.campaigns;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.indicators.OutcomeService;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatistics;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.notification.MailTemplates;
import fr.secondevie.notification.NotificationProperties;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.processes.CandidateGroups;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, starts, opens, reports and closes campaigns. */
@NamedInterface("api")
@Service
@Transactional
public class CampaignService {

  /** Most assets in one campaign. */
  public static final int MAX_ASSETS = 5000;

  private final CampaignRepository campaigns;
  private final CampaignAssets members;
  private final AssetStatistics assets;
  private final OutcomeService outcomes;
  private final CampaignProcessStarter starter;
  private final NotificationService notifications;
  private final NotificationProperties addresses;
  private final MailTemplates mails;
  private final Clock clock;

  CampaignService(
      CampaignRepository campaigns,
      CampaignAssets members,
      AssetStatistics assets,
      OutcomeService outcomes,
      CampaignProcessStarter starter,
      NotificationService notifications,
      NotificationProperties addresses,
      MailTemplates mails,
      Clock clock) {
    this.campaigns = campaigns;
    this.members = members;
    this.assets = assets;
    this.outcomes = outcomes;
    this.starter = starter;
    this.notifications = notifications;
    this.addresses = addresses;
    this.mails = mails;
    this.clock = clock;
  }

  /**
   * What to create: either the chosen {@code assetIds}, or (when none is chosen) every asset in
   * service or in stock of {@code site}, optionally of one {@code category}.
   */
  public record CreateCampaign(
      String name, List<Long> assetIds, String site, AssetCategory category, String createdBy) {}

  /**
   * @throws InvalidInputException with a message per field, in the form's order (name, then the
   *     assets or the site); nothing is written
   */
  public Campaign create(CreateCampaign c) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = c.name() == null ? "" : c.name().strip();
    if (name.isEmpty()) {
      errors.put("name", "Donnez un nom à la campagne.");
    } else if (name.length() > 200) {
      errors.put("name", "Le nom compte 200 caractères au plus.");
    }
    List<Long> chosen;
    String selection;
    if (c.assetIds() != null && !c.assetIds().isEmpty()) {
      chosen = List.copyOf(new LinkedHashSet<>(c.assetIds()));
      selection = "%d équipement(s) choisi(s) dans l'inventaire".formatted(chosen.size());
    } else if (c.site() != null && !c.site().isBlank()) {
      chosen = assets.retirableAssetIds(c.site().strip(), c.category());
      selection =
          "Tous les équipements en service ou en stock du site « %s »%s"
              .formatted(
                  c.site().strip(),
                  c.category() == null ? "" : ", catégorie " + c.category().label());
      if (chosen.isEmpty()) {
        errors.put("site", "Aucun équipement en service ou en stock ne correspond sur ce site.");
      }
    } else {
      chosen = List.of();
      selection = "";
      errors.put(
          "assetIds", "Choisissez des équipements, ou un site dont prendre tous les équipements.");
    }
    if (chosen.size() > MAX_ASSETS) {
      errors.put(
          "assetIds",
          "Une campagne compte %d équipements au plus (%d choisis)."
              .formatted(MAX_ASSETS, chosen.size()));
    } else if (!chosen.isEmpty()) {
      Set<Long> retirable = new LinkedHashSet<>(assets.retirableAmong(chosen));
      List<Long> notRetirable = chosen.stream().filter(id -> !retirable.contains(id)).toList();
      if (!notRetirable.isEmpty()) {
        errors.put(
            "assetIds",
            "%d équipement(s) inconnu(s) ou ni en service ni en stock (n° %s)."
                .formatted(notRetirable.size(), ids(notRetirable)));
      }
      List<Long> busy = members.inOpenCampaigns(chosen);
      if (!busy.isEmpty()) {
        errors.putIfAbsent(
            "assetIds",
            "%d équipement(s) font déjà partie d'une campagne non clôturée (n° %s)."
                .formatted(busy.size(), ids(busy)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Campaign campaign =
        campaigns.save(Campaign.draft(name, selection, chosen.size(), c.createdBy(), now()));
    members.add(campaign.id(), chosen);
    return campaign;
  }

  /**
   * Starts P1 for a draft campaign. The row stays locked during the call, so two clicks start one
   * process; if the runtime refuses, the campaign stays a draft.
   *
   * @throws IllegalStateException the campaign is not a draft
   * @throws RuntimeException the runtime refused or could not be reached
   */
  public Campaign start(long campaignId, String user) {
    Campaign campaign = campaigns.lock(campaignId).orElseThrow(() -> notFound(campaignId));
    if (campaign.state() != Campaign.State.DRAFT) {
      throw new IllegalStateException("La campagne est déjà « " + campaign.state().label() + " ».");
    }
    long key = starter.start(campaignId);
    campaign.started(key, user, now());
    return campaigns.save(campaign);
  }

  /** {@code campaign.open}: the campaign is under way; returns its asset ids in order. */
  public List<Long> open(long campaignId) {
    Campaign campaign = campaigns.lock(campaignId).orElseThrow(() -> notFound(campaignId));
    if (campaign.open(now())) {
      campaigns.save(campaign);
    }
    return members.of(campaignId);
  }

  /**
   * {@code campaign.report-progress}: e-mails the counts to the asset managers, once per operation
   * id.
   */
  public void reportProgress(long campaignId, String operationId) {
    Campaign campaign = campaigns.lock(campaignId).orElseThrow(() -> notFound(campaignId));
    CampaignProgress p = progress(campaignId);
    Map<String, Long> steps = new LinkedHashMap<>();
    p.byStatus()
        .forEach(
            (status, n) -> {
              if (n > 0) {
                steps.put(status.label(), n);
              }
            });
    Map<String, Long> routes = new LinkedHashMap<>();
    p.byRoute().forEach((route, n) -> routes.put(route.label(), n));
    String body =
        mails.render(
            "campaign-progress",
            Map.of(
                "campaign", campaign.name(),
                "done", p.done(),
                "assetCount", p.assetCount(),
                "percent", p.percentDone(),
                "steps", steps,
                "routes", routes,
                "link", addresses.appUrl() + "/campaigns/" + campaignId));
    notifications.send(
        new OutgoingMessage(
            "campaign-progress:" + operationId,
            addresses.addressOf(CandidateGroups.ASSET_MANAGER),
            "[Seconde Vie] Avancement de la campagne « %s » : %d %%"
                .formatted(campaign.name(), p.percentDone()),
            body,
            List.of()));
    campaign.progressReported(now());
    campaigns.save(campaign);
  }

  /** {@code campaign.close}: records the summary and closes; a second call changes nothing. */
  public Campaign close(long campaignId, Campaign.Summary summary) {
    Campaign campaign = campaigns.lock(campaignId).orElseThrow(() -> notFound(campaignId));
    if (campaign.close(summary, now())) {
      return campaigns.save(campaign);
    }
    return campaign;
  }

  @Transactional(readOnly = true)
  public Optional<Campaign> find(long campaignId) {
    return campaigns.findById(campaignId);
  }

  @Transactional(readOnly = true)
  public List<Campaign> latest() {
    return campaigns.findLatest();
  }

  /** The campaigns not closed yet, latest first, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<Campaign> notClosed(int limit) {
    return campaigns.findLatest().stream()
        .filter(c -> c.state() != Campaign.State.CLOSED)
        .limit(limit)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Long> assetsOf(long campaignId) {
    return members.of(campaignId);
  }

  /** The progress from the recorded facts (inventory, outcome facts), not from the engine. */
  @Transactional(readOnly = true)
  public CampaignProgress progress(long campaignId) {
    List<Long> ids = members.of(campaignId);
    Map<AssetStatus, Long> byStatus = new EnumMap<>(AssetStatus.class);
    for (AssetStatus s : AssetStatus.values()) {
      byStatus.put(s, 0L);
    }
    byStatus.putAll(assets.countByStatus(ids));
    Map<DispositionRoute, Long> byRoute = new EnumMap<>(DispositionRoute.class);
    for (DispositionRoute r : DispositionRoute.values()) {
      byRoute.put(r, 0L);
    }
    byRoute.putAll(assets.countByRoute(ids));
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    for (DispositionRoute r : DispositionRoute.values()) {
      byOutcome.put(r.name(), 0L);
    }
    byOutcome.putAll(outcomes.countByOutcome(campaignId));
    return new CampaignProgress(ids.size(), byStatus, byRoute, byOutcome);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static IllegalArgumentException notFound(long id) {
    return new IllegalArgumentException("Aucune campagne n° " + id);
  }

  private static String ids(List<Long> ids) {
    List<String> shown = new ArrayList<>();
    ids.stream().limit(10).forEach(id -> shown.add(id.toString()));
    return String.join(", ", shown) + (ids.size() > 10 ? "…" : "");
  }
}
