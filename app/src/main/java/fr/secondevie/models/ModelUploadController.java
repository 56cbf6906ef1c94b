package fr.secondevie.models;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelDeployments.CheckResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's page for edited models ({@code /console/models}): process owners upload BPMN, DMN
 * and form files saved from Camunda Modeler, see every problem the contract check finds and what
 * changes against the running versions, then deploy with a reason. Auditors read the history.
 */
@Controller
@RequestMapping("/console/models")
@PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN','AUDITOR')")
class ModelUploadController {

  private final ModelDeployments deployments;
  private final ModelJournal journal;

  ModelUploadController(ModelDeployments deployments, ModelJournal journal) {
    this.deployments = deployments;
    this.journal = journal;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("history", journal.history());
    model.addAttribute("maxReason", ModelDeployments.MAX_REASON);
    return "console/models";
  }

  @PostMapping("/check")
  @PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN')")
  String check(
      @RequestParam(name = "files", required = false) List<MultipartFile> uploaded,
      Principal user,
      Model model) {
    List<ModelFile> files = new ArrayList<>();
    if (uploaded != null) {
      for (MultipartFile file : uploaded) {
        if (file.isEmpty()
            && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
          continue;
        }
        files.add(new ModelFile(fileName(file), bytes(file)));
      }
    }
    try {
      CheckResult result = deployments.check(user.getName(), files);
      model.addAttribute("result", result);
    } catch (InvalidInputException e) {
      model.addAttribute("failure", e.messages());
    }
    return page(model);
  }

  @PostMapping("/{id}/deploy")
  @PreAuthorize("hasAnyRole('ASSET_MANAGER','ADMIN')")
  String deploy(
      @PathVariable long id,
      @RequestParam(name = "reason", required = false) String reason,
      Principal user,
      RedirectAttributes redirect) {
    try {
      long key = deployments.deploy(user.getName(), id, reason);
      redirect.addFlashAttribute(
          "notice", "Modèles de l'envoi n° " + id + " déployés (déploiement " + key + ").");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("failure", "Déploiement refusé : " + e.messages());
    }
    return "redirect:/console/models";
  }

  /** The file's own name, without any client path. */
  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
