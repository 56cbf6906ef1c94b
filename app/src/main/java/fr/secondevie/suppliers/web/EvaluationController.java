package fr.secondevie.suppliers.web;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.suppliers.ProcessUnavailableException;
import fr.secondevie.suppliers.ReviewItem;
import fr.secondevie.suppliers.SupplierApplication;
import fr.secondevie.suppliers.SupplierApplicationStatus;
import fr.secondevie.suppliers.SupplierDirectory;
import fr.secondevie.suppliers.SupplierEvaluation;
import fr.secondevie.suppliers.SupplierProcesses;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation page of an application: the answers with their evidence files, and the evaluator's
 * decision on each criterion — the same list and decisions as the user task's form {@code
 * evaluate-evidence}, which the page completes when the evaluator finishes.
 */
@Controller
class EvaluationController {

  static final String VIEWERS = "hasAnyRole('EVALUATOR','BUYER','ADMIN')";
  static final String EVALUATORS = "hasAnyRole('EVALUATOR','ADMIN')";

  private final SupplierDirectory directory;
  private final SupplierEvaluation evaluation;
  private final SupplierProcesses processes;

  EvaluationController(
      SupplierDirectory directory, SupplierEvaluation evaluation, SupplierProcesses processes) {
    this.directory = directory;
    this.evaluation = evaluation;
    this.processes = processes;
  }

  @GetMapping("/suppliers/applications/{id}/evaluation")
  @PreAuthorize(VIEWERS)
  String page(@PathVariable long id, Model model) {
    SupplierApplication application = application(id);
    return view(application, evaluation.review(id), Map.of(), null, model);
  }

  @PostMapping("/suppliers/applications/{id}/evaluation")
  @PreAuthorize(EVALUATORS)
  String save(
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "action", defaultValue = "save") String action,
      Principal user,
      Model model,
      RedirectAttributes redirect) {
    SupplierApplication application = application(id);
    if (application.getStatus() != SupplierApplicationStatus.SUBMITTED) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Cette candidature n'attend pas d'évaluation.");
    }
    List<ReviewItem> decisions = new ArrayList<>();
    for (ReviewItem item : evaluation.review(id)) {
      decisions.add(
          new ReviewItem(
              item.code(),
              null,
              null,
              null,
              null,
              null,
              null,
              params.getFirst("decision-" + item.code()),
              params.getFirst("reason-" + item.code()),
              null));
    }
    String comment = params.getFirst("evaluationComment");
    boolean complete = "complete".equals(action);
    try {
      evaluation.saveEvaluation(id, decisions, comment, user.getName(), complete, processes);
      redirect.addFlashAttribute(
          "notice",
          complete
              ? "Évaluation terminée : la décision de référencement revient à l'acheteur."
              : "Décisions enregistrées.");
      return complete
          ? "redirect:/suppliers/" + application.getSupplierId()
          : "redirect:/suppliers/applications/" + id + "/evaluation";
    } catch (InvalidInputException e) {
      model.addAttribute("comment", comment);
      return view(
          application, evaluation.reviewWith(id, decisions, complete), e.errors(), null, model);
    } catch (ProcessUnavailableException e) {
      return view(
          application(id),
          evaluation.review(id),
          Map.of(),
          e.getMessage()
              + " Vos décisions sont enregistrées : terminez l'évaluation plus tard, ici ou depuis"
              + " la liste des tâches.",
          model);
    }
  }

  private String view(
      SupplierApplication application,
      List<ReviewItem> review,
      Map<String, String> problems,
      String failure,
      Model model) {
    model.addAttribute("app", application);
    model.addAttribute("supplier", evaluation.supplier(application.getSupplierId()));
    model.addAttribute("questionnaire", directory.questionnaire(application));
    model.addAttribute("scoreCard", evaluation.scoreCard(application));
    model.addAttribute("review", review);
    model.addAttribute("problems", problems);
    model.addAttribute("failure", failure);
    model.addAttribute("editable", application.getStatus() == SupplierApplicationStatus.SUBMITTED);
    if (!model.containsAttribute("comment")) {
      model.addAttribute("comment", application.getEvaluationComment());
    }
    return "suppliers/evaluation";
  }

  private SupplierApplication application(long id) {
    return directory
        .application(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
