package fr.secondevie.inventory.web;

import fr.secondevie.inventory.glpi.GlpiImportService;
import fr.secondevie.inventory.glpi.ImportProgress;
import fr.secondevie.inventory.glpi.ImportQueueFullException;
import fr.secondevie.inventory.glpi.ImportRun;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Upload of a GLPI CSV export, then its progress and result page. */
@Controller
class ImportController {

  private final GlpiImportService imports;

  ImportController(GlpiImportService imports) {
    this.imports = imports;
  }

  @GetMapping("/imports/new")
  String form(Model model) {
    model.addAttribute("recent", imports.recent());
    return "imports/new";
  }

  @PostMapping("/imports")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Principal user,
      Model model,
      HttpServletResponse response)
      throws IOException {
    if (file == null
        || (file.isEmpty()
            && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
      model.addAttribute("fileError", "Choisissez le fichier CSV exporté de GLPI.");
      model.addAttribute("recent", imports.recent());
      return "imports/new";
    }
    ImportRun run;
    try {
      run = imports.start(file.getOriginalFilename(), file.getBytes(), user.getName()).run();
    } catch (ImportQueueFullException e) {
      response.setStatus(
          e.perUser()
              ? HttpStatus.TOO_MANY_REQUESTS.value()
              : HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("fileError", e.getMessage());
      model.addAttribute("recent", imports.recent());
      return "imports/new";
    }
    return "redirect:/imports/" + run.getId();
  }

  @GetMapping("/imports/{id}")
  String result(@PathVariable long id, Model model) {
    model.addAttribute("run", find(id));
    model.addAttribute("progress", imports.progress(id).orElseThrow());
    return "imports/result";
  }

  /** The progress region, polled by htmx until the import is finished. */
  @GetMapping("/imports/{id}/progress")
  String progress(@PathVariable long id, Model model, HttpServletResponse response) {
    ImportProgress progress = imports.progress(id).orElseThrow();
    model.addAttribute("run", find(id));
    model.addAttribute("progress", progress);
    if (progress.status().finished()) {
      // reload the whole page, which then shows the result and the errors table
      response.setHeader("HX-Refresh", "true");
    }
    return "imports/result :: progress";
  }

  private ImportRun find(long id) {
    return imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
