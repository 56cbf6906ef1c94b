package fr.secondevie.web;

import fr.secondevie.indicators.IndicatorsService;
import fr.secondevie.security.LoginProviders;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home and login pages. */
@Controller
class HomeController {

  private final ObjectProvider<LoginProviders> oidcClients;
  private final ObjectProvider<UserDetailsService> localUsers;
  private final IndicatorsService indicators;
  private final Prerequisites prerequisites;

  /** Roles that see the headline indicators of the current year on the home page. */
  private static final Set<String> INDICATOR_READERS =
      Set.of("ROLE_AUDITOR", "ROLE_DIRECTOR", "ROLE_ASSET_MANAGER", "ROLE_ADMIN");

  HomeController(
      ObjectProvider<LoginProviders> oidcClients,
      ObjectProvider<UserDetailsService> localUsers,
      IndicatorsService indicators,
      Prerequisites prerequisites) {
    this.oidcClients = oidcClients;
    this.localUsers = localUsers;
    this.indicators = indicators;
    this.prerequisites = prerequisites;
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
    return "home";
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
