package fr.secondevie.notification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox page: what the application sent, or would have sent without SMTP. */
@Controller
@PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN','AUDITOR')")
class OutboxController {

  private final NotificationService notifications;

  OutboxController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/notifications")
  String outbox(Model model) {
    model.addAttribute("notifications", notifications.latest(200));
    return "notification/outbox";
  }
}
