package fr.secondevie.web;

import fr.secondevie.campaigns.Campaign;
import fr.secondevie.campaigns.CampaignProgress;
import fr.secondevie.campaigns.CampaignService;
import fr.secondevie.indicators.IndicatorsService;
import fr.secondevie.security.LoginProviders;
import fr.secondevie.tasks.Inbox;
import fr.secondevie.tasks.InboxFilter;
import fr.secondevie.tasks.TaskInbox;
import fr.secondevie.tasks.TaskRuntimeException;
import fr.secondevie.tasks.Viewer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Home and login pages. The home page of a role: its open tasks (count and the most urgent, with
 * their asset), the steps waiting on other pages, the campaigns under way with their progress, the
 * headline indicators of the year for the roles that read them, and what is missing to run.
 */
@Controller
class HomeController {

  private static final Logger LOG = LoggerFactory.getLogger(HomeController.class);

  /** Tasks shown on the home page, the most urgent first. */
  static final int URGENT_TASKS = 5;

  /** Campaigns shown on the home page, latest first. */
  static final int CAMPAIGNS = 5;

  /**
   * Waiting steps of one kind: how many, since when, and where to do them.
   *
   * @param href the page of the only one, or of the kind when there are several
   */
  record WaitingGroup(String title, int count, OffsetDateTime oldest, String action, String href) {}

  /** A campaign under way and its progress. */
  record CampaignLine(Campaign campaign, CampaignProgress progress) {}

  private final ObjectProvider<LoginProviders> oidcClients;
  private final ObjectProvider<UserDetailsService> localUsers;
  private final IndicatorsService indicators;
  private final Prerequisites prerequisites;
  private final TaskInbox inbox;
  private final CampaignService campaigns;

  /** Roles that see the headline indicators of the current year on the home page. */
  private static final Set<String> INDICATOR_READERS =
      Set.of("ROLE_AUDITOR", "ROLE_DIRECTOR", "ROLE_ASSET_MANAGER", "ROLE_ADMIN");

  HomeController(
      ObjectProvider<LoginProviders> oidcClients,
      ObjectProvider<UserDetailsService> localUsers,
      IndicatorsService indicators,
      Prerequisites prerequisites,
      TaskInbox inbox,
      CampaignService campaigns) {
    this.oidcClients = oidcClients;
    this.localUsers = localUsers;
    this.indicators = indicators;
    this.prerequisites = prerequisites;
    this.inbox = inbox;
    this.campaigns = campaigns;
  }

  /** Roles that set up partners and settings, and see what is missing. */
  private static final Set<String> SETUP_READERS = Set.of("ROLE_ASSET_MANAGER", "ROLE_ADMIN");

  @GetMapping("/")
  String home(Authentication user, Model model) {
    if (user != null
        && user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(INDICATOR_READERS::contains)) {
      model.addAttribute("headline", indicators.headline());
    }
    if (has(user, SETUP_READERS)) {
      model.addAttribute("prerequisites", prerequisites.missing());
    }
    if (user != null) {
      tasks(user, model);
      model.addAttribute(
          "campaigns",
          campaigns.notClosed(CAMPAIGNS).stream()
              .map(c -> new CampaignLine(c, campaigns.progress(c.id())))
              .toList());
    }
    return "home";
  }

  private void tasks(Authentication user, Model model) {
    Inbox mine;
    try {
      mine = inbox.list(Viewer.of(user), InboxFilter.all());
    } catch (TaskRuntimeException e) {
      LOG.warn("Home page without tasks: {}", e.getMessage());
      model.addAttribute("tasksUnavailable", true);
      return;
    }
    model.addAttribute("taskCount", mine.total());
    model.addAttribute(
        "urgent", mine.tasks().subList(0, Math.min(URGENT_TASKS, mine.tasks().size())));
    Map<String, List<Inbox.WaitingRow>> byStep = new LinkedHashMap<>();
    mine.waiting().forEach(w -> byStep.computeIfAbsent(w.title(), t -> new ArrayList<>()).add(w));
    List<WaitingGroup> groups = new ArrayList<>();
    byStep.forEach(
        (title, rows) ->
            groups.add(
                new WaitingGroup(
                    title,
                    rows.size(),
                    rows.get(0).since(),
                    rows.get(0).action(),
                    rows.size() == 1 ? rows.get(0).actionHref() : "/tasks#ailleurs")));
    model.addAttribute("waiting", groups);
  }

  private static boolean has(Authentication user, Set<String> roles) {
    return user != null
        && user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(roles::contains);
  }

  /** Form login for local (demo) users, and a link per OpenID Connect provider. */
  @GetMapping("/login")
  String login(Model model) {
    LoginProviders clients = oidcClients.getIfAvailable();
    List<LoginProviders.Provider> providers = clients == null ? List.of() : clients.all();
    model.addAttribute("providers", providers);
    model.addAttribute("localLogin", localUsers.getIfAvailable() != null);
    return "login";
  }
}
