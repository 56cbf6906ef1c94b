package fr.secondevie.security;

import fr.secondevie.security.AccountService.NoSuchAccount;
import fr.secondevie.security.AccountService.Outcome;
import fr.secondevie.security.AccountService.Refused;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration (embedded mode, administrators only): accounts, roles, passwords. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@ConditionalOnProperty(
    prefix = "secondevie",
    name = "mode",
    havingValue = "embedded",
    matchIfMissing = true)
class AdminUsersController {

  private final AccountService accounts;

  AdminUsersController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** What the creation form sent back, to show it again with its errors. */
  record NewAccount(String username, String displayName, List<Role> roles) {}

  @GetMapping("/admin/users")
  String list(Model model) {
    return list(model, new NewAccount("", "", List.of()), Map.of());
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(required = false) List<Role> roles,
      @RequestParam(defaultValue = "") String password,
      Principal admin,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    List<Role> chosen = roles == null ? List.of() : roles;
    try {
      Outcome created = accounts.create(admin.getName(), username, displayName, chosen, password);
      return shown(
          created,
          "Compte « " + created.account().username() + " » créé.",
          model,
          response,
          redirect);
    } catch (Refused e) {
      return list(model, new NewAccount(username, displayName, chosen), e.errors());
    }
  }

  @GetMapping("/admin/users/{id}")
  String account(@PathVariable long id, Model model) {
    return account(model, existing(id), Map.of());
  }

  @PostMapping("/admin/users/{id}/roles")
  String roles(
      @PathVariable long id,
      @RequestParam(required = false) List<Role> roles,
      Principal admin,
      Model model,
      RedirectAttributes redirect) {
    try {
      Account account =
          accounts.changeRoles(admin.getName(), id, roles == null ? List.of() : roles);
      redirect.addFlashAttribute("message", "Rôles de « " + account.username() + " » enregistrés.");
      return "redirect:/admin/users/" + id;
    } catch (Refused e) {
      return account(model, existing(id), e.errors());
    }
  }

  @PostMapping("/admin/users/{id}/name")
  String rename(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String displayName,
      Principal admin,
      Model model,
      RedirectAttributes redirect) {
    try {
      Account account = accounts.rename(admin.getName(), id, displayName);
      redirect.addFlashAttribute(
          "message", "Nom affiché de « " + account.username() + " » enregistré.");
      return "redirect:/admin/users/" + id;
    } catch (Refused e) {
      model.addAttribute("typedName", displayName);
      return account(model, existing(id), e.errors());
    }
  }

  @PostMapping("/admin/users/{id}/enabled")
  String enabled(
      @PathVariable long id,
      @RequestParam boolean enabled,
      Principal admin,
      Model model,
      RedirectAttributes redirect) {
    try {
      Account account = accounts.enable(admin.getName(), id, enabled);
      redirect.addFlashAttribute(
          "message",
          "Compte « " + account.username() + " » " + (enabled ? "réactivé." : "désactivé."));
      return "redirect:/admin/users/" + id;
    } catch (Refused e) {
      return account(model, existing(id), e.errors());
    }
  }

  @PostMapping("/admin/users/{id}/password")
  String resetPassword(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String password,
      Principal admin,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Outcome reset = accounts.resetPassword(admin.getName(), id, password);
      return shown(
          reset,
          "Mot de passe de « " + reset.account().username() + " » réinitialisé.",
          model,
          response,
          redirect);
    } catch (Refused e) {
      return account(model, existing(id), e.errors());
    }
  }

  @ExceptionHandler(NoSuchAccount.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String noSuchAccount(Model model) {
    model.addAttribute("status", 404);
    model.addAttribute("error", "Compte introuvable");
    return "error";
  }

  /** A generated password is shown on this response only (never stored, never cached). */
  private String shown(
      Outcome outcome,
      String message,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (outcome.generatedPassword().isEmpty()) {
      redirect.addFlashAttribute(
          "message", message + " L'utilisateur devra changer ce mot de passe à sa connexion.");
      return "redirect:/admin/users/" + outcome.account().id();
    }
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("account", outcome.account());
    model.addAttribute("message", message);
    model.addAttribute("password", outcome.generatedPassword().get());
    return "admin/password";
  }

  private String list(Model model, NewAccount form, Map<String, String> errors) {
    model.addAttribute("accounts", accounts.all());
    model.addAttribute("journal", accounts.journal());
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("form", form);
    model.addAttribute("minLength", Passwords.MIN_LENGTH);
    model.addAttribute("errors", errors);
    return "admin/users";
  }

  private String account(Model model, Account account, Map<String, String> errors) {
    model.addAttribute("account", account);
    if (!model.containsAttribute("typedName")) {
      model.addAttribute("typedName", account.displayName());
    }
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("minLength", Passwords.MIN_LENGTH);
    model.addAttribute("errors", errors);
    return "admin/user";
  }

  private Account existing(long id) {
    return accounts.find(id).orElseThrow(() -> new NoSuchAccount(id));
  }
}
