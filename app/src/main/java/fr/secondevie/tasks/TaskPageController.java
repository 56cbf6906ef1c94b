package fr.secondevie.tasks;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.security.ContentSecurity;
import fr.secondevie.tasks.TaskInbox.InboxRefusal;
import fr.secondevie.tasks.form.FormSchema;
import fr.secondevie.tasks.form.FormView;
import fr.secondevie.tasks.form.TaskForms;
import fr.secondevie.tasks.form.TaskForms.Submission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task page: its process context and its form, the visibility of the form's components as it is
 * filled, and its completion by <em>Terminer la tâche</em>.
 */
@Controller
class TaskPageController {

  private static final Logger LOG = LoggerFactory.getLogger(TaskPageController.class);
  static final String ACTION = "_action";
  static final String COMPLETE = "complete";

  private final TaskInbox inbox;
  private final TaskRuntime runtime;
  private final TaskForms forms;
  private final InventoryService inventory;
  private final TaskFormUploads uploads;

  TaskPageController(
      TaskInbox inbox,
      TaskRuntime runtime,
      TaskForms forms,
      InventoryService inventory,
      TaskFormUploads uploads) {
    this.inbox = inbox;
    this.runtime = runtime;
    this.forms = forms;
    this.inventory = inventory;
    this.uploads = uploads;
  }

  @GetMapping("/tasks/{key}")
  String show(
      @PathVariable long key,
      Authentication authentication,
      Model model,
      HttpServletResponse response) {
    Viewer viewer = Viewer.of(authentication);
    TaskInfo task = inbox.workable(viewer, key);
    if (!task.isOpen()) {
      return closed(task, model);
    }
    Map<String, Object> variables = runtime.variables(key);
    Optional<FormSchema> schema = schema(task);
    FormView view = schema.map(s -> forms.open(s, variables)).orElse(null);
    model.addAttribute("page", page(viewer, task, variables, schema, view));
    return taskPage(response);
  }

  /**
   * The task page, whose Content-Security-Policy lets in the images and iframes of the hosts the
   * administrator allowed for forms ({@code secondevie.forms.allowed-hosts}), and {@code data:}
   * images as form-js shows them; nothing else more than on any other page.
   */
  private String taskPage(HttpServletResponse response) {
    response.setHeader(
        "Content-Security-Policy",
        ContentSecurity.withSources(
            "data:" + forms.hosts().cspSources(true), forms.hosts().cspSources(false)));
    return "tasks/task";
  }

  @PostMapping("/tasks/{key}")
  String submit(
      @PathVariable long key,
      @RequestParam(name = ACTION, defaultValue = COMPLETE) String action,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication authentication,
      Model model,
      RedirectAttributes redirect) {
    Viewer viewer = Viewer.of(authentication);
    TaskInfo task = inbox.workable(viewer, key);
    if (!task.isOpen()) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return closed(task, model);
    }
    Map<String, Object> variables = runtime.variables(key);
    Optional<FormSchema> schema = schema(task);
    if (schema.isEmpty() && task.externalFormReference() != null) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("page", page(viewer, task, variables, schema, null));
      model.addAttribute("refused", "Cette tâche se termine dans son formulaire externe.");
      return taskPage(response);
    }
    Submission submission =
        schema
            .map(
                s ->
                    forms.submit(
                        s,
                        request.getParameterMap(),
                        action,
                        variables,
                        uploads.receive(key, s, request, viewer)))
            .orElse(null);
    FormView view = submission == null ? null : submission.view();
    if (submission != null && !submission.completes()) {
      model.addAttribute("page", page(viewer, task, variables, schema, view));
      return taskPage(response);
    }
    Map<String, Object> completion =
        submission == null ? Map.of() : submission.outcome().variables();
    try {
      inbox.complete(viewer, task, completion);
    } catch (InboxRefusal | TaskRuntimeException e) {
      LOG.info("Completion of task {} by {} refused: {}", key, viewer.login(), e.getMessage());
      response.setStatus(TaskProblems.status(e).value());
      model.addAttribute("page", page(viewer, task, variables, schema, view));
      model.addAttribute("refused", TaskProblems.message(e));
      return taskPage(response);
    }
    LOG.info("Task {} ({}) completed by {}", key, task.elementId(), viewer.login());
    redirect.addFlashAttribute("done", "La tâche « " + task.title() + " » est terminée. Merci !");
    return "redirect:/tasks";
  }

  /** The components hidden by their conditions for what the form holds now (page script). */
  @PostMapping(value = "/tasks/{key}/visibility", produces = "application/json")
  @ResponseBody
  Map<String, Set<String>> visibility(
      @PathVariable long key, HttpServletRequest request, Authentication authentication) {
    TaskInfo task = inbox.workable(Viewer.of(authentication), key);
    Optional<FormSchema> schema = schema(task);
    if (schema.isEmpty()) {
      return Map.of("hidden", Set.of());
    }
    return Map.of(
        "hidden", forms.hidden(schema.get(), request.getParameterMap(), runtime.variables(key)));
  }

  private Optional<FormSchema> schema(TaskInfo task) {
    if (task.formKey() == null && task.externalFormReference() != null) {
      return Optional.empty();
    }
    Optional<Object> form = runtime.form(task.key());
    try {
      return form.map(FormSchema::parse);
    } catch (IllegalArgumentException e) {
      throw new TaskRuntimeException(TaskRuntimeException.Kind.UNREADABLE_FORM, e.getMessage(), e);
    }
  }

  private TaskPage page(
      Viewer viewer,
      TaskInfo task,
      Map<String, Object> variables,
      Optional<FormSchema> schema,
      FormView view) {
    String notice = null;
    boolean completable = true;
    if (schema.isEmpty()) {
      if (task.externalFormReference() != null) {
        notice =
            "Cette tâche utilise un formulaire externe ("
                + task.externalFormReference()
                + ") : la boîte de tâches ne peut pas le remplir.";
        completable = false;
      } else {
        notice = "Cette tâche n'a pas de formulaire : la terminer ne transmet aucune donnée.";
      }
    }
    return new TaskPage(
        task,
        asset(variables),
        view,
        notice,
        completable,
        task.isAssignedTo(viewer.login()),
        inbox.overdue(task));
  }

  private String closed(TaskInfo task, Model model) {
    model.addAttribute("task", task);
    model.addAttribute(
        "problem",
        "COMPLETED".equals(task.state())
            ? "Cette tâche a déjà été terminée, peut-être par quelqu'un d'autre."
            : "Cette tâche n'est plus ouverte (état : " + task.state() + ").");
    return "tasks/problem";
  }

  /** The asset of the process, from its {@code assetId} variable. */
  private TaskPage.AssetContext asset(Map<String, Object> variables) {
    Object id = variables.get("assetId");
    long assetId;
    if (id instanceof Number number) {
      assetId = new BigDecimal(number.toString()).longValue();
    } else if (id instanceof String text && text.matches("\\d{1,18}")) {
      assetId = Long.parseLong(text);
    } else {
      return null;
    }
    Optional<Asset> asset = inventory.findById(assetId);
    if (asset.isPresent()) {
      Asset a = asset.get();
      String description =
          String.join(
                  " ",
                  List.of(
                      a.category() == null ? "" : a.category().label(),
                      a.manufacturer() == null ? "" : a.manufacturer(),
                      a.model() == null ? "" : a.model()))
              .trim();
      return new TaskPage.AssetContext(assetId, a.inventoryNumber(), description);
    }
    Object summary = variables.get("asset");
    String number =
        summary instanceof Map<?, ?> map && map.get("inventoryNumber") != null
            ? map.get("inventoryNumber").toString()
            : null;
    return new TaskPage.AssetContext(assetId, number, null);
  }
}
