package fr.secondevie.tasks;

import fr.secondevie.tasks.TaskInbox.InboxRefusal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox's list: the open tasks the user may work (filters, sort, pages), taking one or
 * several at once and releasing one. The task page is {@link TaskPageController}, the documents of
 * a task's form {@link TaskDocumentController}.
 */
@Controller
class TaskInboxController {

  private final TaskInbox inbox;

  TaskInboxController(TaskInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/tasks")
  String list(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String task,
      @RequestParam(required = false) String assignment,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String campaign,
      @RequestParam(required = false) String asset,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      Authentication authentication,
      Model model) {
    InboxFilter filter =
        new InboxFilter(process, task, assignment, site, number(campaign), asset, sort, page);
    model.addAttribute("filter", filter);
    model.addAttribute("inbox", inbox.list(Viewer.of(authentication), filter));
    return "tasks/list";
  }

  @PostMapping("/tasks/{key}/claim")
  String claim(
      @PathVariable long key,
      @RequestParam(required = false) String back,
      Authentication authentication,
      RedirectAttributes redirect) {
    try {
      TaskInfo task = inbox.claim(Viewer.of(authentication), key);
      redirect.addFlashAttribute("done", taken(task));
      // taking a task is to work it: its page opens
      return "redirect:/tasks/" + key;
    } catch (InboxRefusal | TaskRuntimeException e) {
      redirect.addFlashAttribute("refused", TaskProblems.message(e));
    }
    return "redirect:" + back(back, key);
  }

  /** Takes the ticked tasks at once, and says which were taken and which were not. */
  @PostMapping("/tasks/claim")
  String claimSelection(
      @RequestParam(name = "keys", required = false) List<String> keys,
      @RequestParam(required = false) String returnTo,
      Authentication authentication,
      RedirectAttributes redirect) {
    List<Long> chosen =
        keys == null
            ? List.of()
            : keys.stream()
                .map(TaskInboxController::number)
                .filter(k -> k != null)
                .distinct()
                .toList();
    if (chosen.isEmpty()) {
      redirect.addFlashAttribute("refused", "Cochez les tâches à prendre.");
      return "redirect:" + listPath(returnTo);
    }
    Viewer viewer = Viewer.of(authentication);
    List<String> taken = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (long key : chosen) {
      try {
        TaskInfo task = inbox.claim(viewer, key);
        Inbox.Subject subject = inbox.subjectOf(task);
        taken.add(subject == null ? task.title() + " (n° " + key + ")" : subject.label());
      } catch (InboxRefusal | TaskRuntimeException | AccessDeniedException e) {
        refused.add("n° " + key + " : " + TaskProblems.message(e));
      }
    }
    if (!taken.isEmpty()) {
      redirect.addFlashAttribute(
          "done",
          (taken.size() == 1 ? "1 tâche prise : " : taken.size() + " tâches prises : ")
              + String.join(", ", taken)
              + ".");
    }
    if (!refused.isEmpty()) {
      redirect.addFlashAttribute("refused", "Non prises : " + String.join(" ; ", refused));
    }
    return "redirect:" + listPath(returnTo);
  }

  /** The inbox's address with its filters, never another site's. */
  private static String listPath(String returnTo) {
    return returnTo != null && returnTo.startsWith("/tasks?") && !returnTo.contains("//")
        ? returnTo
        : "/tasks";
  }

  /** The confirmation of a task taken, naming what it is about. */
  private String taken(TaskInfo task) {
    Inbox.Subject subject = inbox.subjectOf(task);
    return "Tâche « "
        + task.title()
        + " » prise"
        + (subject == null ? "." : " pour " + subject.label() + ".");
  }

  private static Long number(String value) {
    return value != null && value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
  }

  @PostMapping("/tasks/{key}/unclaim")
  String unclaim(
      @PathVariable long key,
      @RequestParam(required = false) String back,
      Authentication authentication,
      RedirectAttributes redirect) {
    try {
      TaskInfo task = inbox.unclaim(Viewer.of(authentication), key);
      redirect.addFlashAttribute(
          "done", "La tâche « " + task.title() + " » est libérée : elle est de nouveau proposée.");
    } catch (InboxRefusal | TaskRuntimeException e) {
      redirect.addFlashAttribute("refused", TaskProblems.message(e));
    }
    return "redirect:" + back(back, key);
  }

  private static String back(String back, long key) {
    return "task".equals(back) ? "/tasks/" + key : "/tasks";
  }
}
