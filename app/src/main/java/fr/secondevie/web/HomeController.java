package fr.secondevie.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home and login pages. */
@Controller
class HomeController {

  private final ObjectProvider<InMemoryClientRegistrationRepository> oidcClients;
  private final ObjectProvider<UserDetailsService> localUsers;

  HomeController(
      ObjectProvider<InMemoryClientRegistrationRepository> oidcClients,
      ObjectProvider<UserDetailsService> localUsers) {
    this.oidcClients = oidcClients;
    this.localUsers = localUsers;
  }

  @GetMapping("/")
  String home() {
    return "home";
  }

  /** Form login for local (demo) users, and a link per OpenID Connect provider. */
  @GetMapping("/login")
  String login(Model model) {
    List<ClientRegistration> providers = new ArrayList<>();
    InMemoryClientRegistrationRepository clients = oidcClients.getIfAvailable();
    if (clients != null) {
      clients.forEach(providers::add);
    }
    model.addAttribute("providers", providers);
    model.addAttribute("localLogin", localUsers.getIfAvailable() != null);
    return "login";
  }
}
