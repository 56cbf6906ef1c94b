package fr.secondevie.tasks;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.documents.UploadPolicy;
import fr.secondevie.documents.UploadRejectedException;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.security.ContentSecurity;
import fr.secondevie.tasks.TaskInbox.InboxRefusal;
import fr.secondevie.tasks.form.DocumentReferences;
import fr.secondevie.tasks.form.FormSchema;
import fr.secondevie.tasks.form.FormView;
import fr.secondevie.tasks.form.TaskForms;
import fr.secondevie.tasks.form.TaskForms.Submission;
import fr.secondevie.tasks.form.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The task inbox pages: the list of open tasks the user may work (filters, claim, release), and the
 * task page with its process context and its form, completed by <em>Terminer la tâche</em>.
 */
@Controller
class TaskInboxController {

  private static final Logger LOG = LoggerFactory.getLogger(TaskInboxController.class);
  static final String ACTION = "_action";
  static final String COMPLETE = "complete";

  private final TaskInbox inbox;
  private final TaskRuntime runtime;
  private final TaskForms forms;
  private final InventoryService inventory;
  private final DocumentService documents;

  TaskInboxController(
      TaskInbox inbox,
      TaskRuntime runtime,
      TaskForms forms,
      InventoryService inventory,
      DocumentService documents) {
    this.inbox = inbox;
    this.runtime = runtime;
    this.forms = forms;
    this.inventory = inventory;
    this.documents = documents;
  }

  /** The owner of the files a task's form received: {@code task-form:<task key>}. */
  static String uploadOwner(long key) {
    return "task-form:" + key;
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
      redirect.addFlashAttribute("refused", message(e));
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
        refused.add("n° " + key + " : " + message(e));
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
      redirect.addFlashAttribute("refused", message(e));
    }
    return "redirect:" + back(back, key);
  }

  private static String back(String back, long key) {
    return "task".equals(back) ? "/tasks/" + key : "/tasks";
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

  /**
   * A document a form shows (document preview, file picker): only one the task's variables refer to
   * or that was uploaded for this task, to those who may work it. A file received by a task form is
   * served here; any other document of the store is served by {@code /documents/}, which checks the
   * roles of its module.
   */
  @GetMapping("/tasks/{key}/documents/{documentId}")
  ResponseEntity<byte[]> document(
      @PathVariable long key, @PathVariable String documentId, Authentication authentication) {
    TaskInfo task = inbox.workable(Viewer.of(authentication), key);
    StoredDocument document =
        documents
            .find(documentId)
            .filter(
                d ->
                    uploadOwner(key).equals(d.ownerRef())
                        || refersTo(runtime.variables(task.key()), documentId))
            .orElseThrow(
                () ->
                    new TaskRuntimeException(
                        TaskRuntimeException.Kind.NOT_FOUND, "document " + documentId, null));
    if (document.ownerRef() == null || !document.ownerRef().startsWith("task-form:")) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .header(HttpHeaders.LOCATION, "/documents/" + document.publicId())
          .build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(document.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(documents.content(document));
  }

  /** Whether a variable tree holds a document reference to this id. */
  private static boolean refersTo(Object value, String documentId) {
    if (value instanceof Map<?, ?> map) {
      if (documentId.equals(String.valueOf(map.get("documentId")))
          && map.containsKey(DocumentReferences.TYPE)) {
        return true;
      }
      return map.values().stream().anyMatch(v -> refersTo(v, documentId));
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(v -> refersTo(v, documentId));
    }
    return false;
  }

  /**
   * The files of a submitted form kept in the document store (owner {@code task-form:<key>}), and
   * the documents earlier submissions of the same form kept; a refused file is named, not stored.
   */
  private Uploads uploads(long key, FormSchema schema, HttpServletRequest request, Viewer viewer) {
    Map<String, List<Map<String, Object>>> added = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
        if (!schema.takesFiles(part.getKey())) {
          continue;
        }
        for (MultipartFile file : part.getValue()) {
          if (file.isEmpty()
              && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            continue;
          }
          String filename =
              file.getOriginalFilename() == null ? "fichier" : file.getOriginalFilename();
          try {
            StoredDocument stored =
                documents.storeUpload(
                    UploadPolicy.EVIDENCE,
                    DocumentKind.OTHER,
                    filename,
                    file.getBytes(),
                    uploadOwner(key),
                    viewer.login());
            added
                .computeIfAbsent(part.getKey(), k -> new ArrayList<>())
                .add(
                    DocumentReferences.of(
                        stored.publicId(),
                        stored.filename(),
                        stored.contentType(),
                        stored.sizeBytes(),
                        stored.sha256()));
          } catch (UploadRejectedException e) {
            refused.merge(part.getKey(), e.getMessage(), (a, b) -> a + " " + b);
          } catch (java.io.IOException e) {
            refused.merge(
                part.getKey(),
                "Le fichier « " + filename + " » n'a pas pu être lu.",
                (a, b) -> a + " " + b);
          }
        }
      }
      // a field whose new files were all refused keeps none of them
      refused.keySet().forEach(name -> added.remove(name));
    }
    Map<String, Map<String, Object>> earlier = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, ids) -> {
              if (name.endsWith(Uploads.KEPT_SUFFIX)) {
                for (String id : ids) {
                  documents
                      .find(id)
                      .filter(d -> uploadOwner(key).equals(d.ownerRef()))
                      .ifPresent(
                          d ->
                              earlier.put(
                                  id,
                                  DocumentReferences.of(
                                      d.publicId(),
                                      d.filename(),
                                      d.contentType(),
                                      d.sizeBytes(),
                                      d.sha256())));
                }
              }
            });
    return new Uploads(added, earlier, refused);
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
                        uploads(key, s, request, viewer)))
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
      response.setStatus(status(e).value());
      model.addAttribute("page", page(viewer, task, variables, schema, view));
      model.addAttribute("refused", message(e));
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

  @ExceptionHandler(TaskRuntimeException.class)
  String runtimeProblem(TaskRuntimeException e, HttpServletResponse response, Model model) {
    LOG.warn("Task runtime: {} {}", e.kind(), e.getMessage());
    response.setStatus(status(e).value());
    model.addAttribute("problem", message(e));
    return "tasks/problem";
  }

  static HttpStatus status(RuntimeException e) {
    if (e instanceof TaskRuntimeException runtime) {
      return switch (runtime.kind()) {
        case NOT_FOUND -> HttpStatus.NOT_FOUND;
        case CONFLICT -> HttpStatus.CONFLICT;
        case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
        case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        case UNREADABLE_FORM -> HttpStatus.BAD_GATEWAY;
      };
    }
    return HttpStatus.CONFLICT;
  }

  /** The French message for a refusal or a runtime error. */
  static String message(RuntimeException e) {
    if (e instanceof TaskRuntimeException runtime) {
      return switch (runtime.kind()) {
        case NOT_FOUND ->
            "Cette tâche n'existe plus : elle a sans doute été terminée par quelqu'un d'autre, ou le"
                + " processus a continué sans elle.";
        case CONFLICT ->
            "Cette tâche a changé entre-temps (assignée, terminée ou en cours de traitement par"
                + " quelqu'un d'autre). Rechargez la page pour voir son état.";
        case REJECTED ->
            "Le moteur de processus a refusé la demande"
                + (runtime.getMessage() == null ? "." : " : " + runtime.getMessage());
        case UNAVAILABLE ->
            "Le moteur de processus ne répond pas. Réessayez dans un instant ; si le problème"
                + " persiste, prévenez l'administrateur.";
        case UNREADABLE_FORM ->
            "Le formulaire de cette tâche est illisible ("
                + runtime.getMessage()
                + ") : terminez-la dans Tasklist et prévenez le pilote du processus.";
      };
    }
    return e.getMessage();
  }
}
