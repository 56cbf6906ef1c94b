package fr.secondevie.security;

import fr.secondevie.security.AccountService.Refused;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A user changes their own password (forced after a password set by someone else). */
@Controller
@PreAuthorize("isAuthenticated()")
@ConditionalOnProperty(
    prefix = "secondevie",
    name = "mode",
    havingValue = "embedded",
    matchIfMissing = true)
class AccountController {

  private final AccountService accounts;
  private final LocalUsers users;
  private final ObjectProvider<InitialAdministrator> initialAdministrator;

  AccountController(
      AccountService accounts,
      LocalUsers users,
      ObjectProvider<InitialAdministrator> initialAdministrator) {
    this.accounts = accounts;
    this.users = users;
    this.initialAdministrator = initialAdministrator;
  }

  @GetMapping(PasswordChangeRequiredFilter.PAGE)
  String form(Principal user, Model model) {
    return page(user, model, Map.of());
  }

  /** Changed: the session ends, the user logs in again with the new password. */
  @PostMapping(PasswordChangeRequiredFilter.PAGE)
  String change(
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String confirmation,
      Principal user,
      Model model,
      HttpServletRequest request)
      throws ServletException {
    try {
      accounts.changeOwnPassword(user.getName(), currentPassword, newPassword, confirmation);
    } catch (Refused e) {
      return page(user, model, e.errors());
    }
    initialAdministrator.ifAvailable(a -> a.passwordChanged(user.getName()));
    request.logout();
    return "redirect:/login?changed";
  }

  private String page(Principal user, Model model, Map<String, String> errors) {
    model.addAttribute("demoUser", users.isDemoUser(user.getName()));
    model.addAttribute(
        "required",
        accounts.findByUsername(user.getName()).map(Account::passwordChangeRequired).orElse(false));
    model.addAttribute("minLength", Passwords.MIN_LENGTH);
    model.addAttribute("errors", errors);
    return "account/password";
  }
}
