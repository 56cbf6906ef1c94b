package fr.secondevie.sanitization;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.sanitization.WipeReportIntake.DeviceCommandSubmission;
import fr.secondevie.sanitization.WipeReportIntake.HdparmOutputs;
import fr.secondevie.sanitization.WipeReportIntake.JsonSubmission;
import fr.secondevie.sanitization.WipeReportIntake.NvmeOutputs;
import fr.secondevie.sanitization.WipeReportIntake.NwipeSubmission;
import fr.secondevie.sanitization.WipeReportIntake.Receipt;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a technician drops a wipe report file (our JSON or an nwipe log): the same intake
 * as the REST API, with its errors shown in a table.
 */
@Controller
@RequestMapping("/sanitization/reports")
@PreAuthorize("hasAnyRole('TECHNICIAN','ADMIN')")
class WipeReportPageController {

  private final WipeReportIntake intake;

  WipeReportPageController(WipeReportIntake intake) {
    this.intake = intake;
  }

  @GetMapping("/new")
  String form(
      @RequestParam(required = false) String inventoryNumber, Authentication user, Model model) {
    model.addAttribute("format", "nwipe");
    model.addAttribute("inventoryNumber", inventoryNumber);
    model.addAttribute("operator", "");
    model.addAttribute("errors", List.of());
    return "sanitization/new-report";
  }

  /** The outputs of nvme-cli and hdparm for one asset (Purge evidence of SSDs and NVMe drives). */
  @PostMapping("/commands")
  String uploadCommands(
      @RequestParam(required = false) String inventoryNumber,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String performedOn,
      @RequestParam(required = false) String verification,
      @RequestParam(required = false) MultipartFile nvmeIdCtrl,
      @RequestParam(required = false) MultipartFile nvmeSanitizeLog,
      @RequestParam(required = false) MultipartFile hdparmErase,
      @RequestParam(required = false) MultipartFile hdparmIdentify,
      Authentication user,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    byte[] idCtrl = bytes(nvmeIdCtrl);
    byte[] sanitizeLog = bytes(nvmeSanitizeLog);
    byte[] erase = bytes(hdparmErase);
    byte[] identify = bytes(hdparmIdentify);
    List<NvmeOutputs> nvme =
        idCtrl.length == 0 && sanitizeLog.length == 0
            ? List.of()
            : List.of(new NvmeOutputs(idCtrl, sanitizeLog));
    List<HdparmOutputs> hdparm =
        erase.length == 0 && identify.length == 0
            ? List.of()
            : List.of(new HdparmOutputs(erase, identify));
    try {
      Receipt receipt =
          intake.receive(
              new DeviceCommandSubmission(
                  null,
                  inventoryNumber,
                  operator,
                  performedOn,
                  verification,
                  nvme,
                  hdparm,
                  user.getName()));
      return received(receipt, redirect);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.inputErrors());
    }
    model.addAttribute("format", "commands");
    model.addAttribute("inventoryNumber", inventoryNumber);
    model.addAttribute("operator", operator);
    model.addAttribute("performedOn", performedOn);
    model.addAttribute("verification", verification);
    return "sanitization/new-report";
  }

  private static byte[] bytes(MultipartFile file) throws IOException {
    return file == null ? new byte[0] : file.getBytes();
  }

  private static String received(Receipt receipt, RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "message",
        receipt.created()
            ? "Rapport %s reçu (%d support(s)) et transmis au processus de l'équipement."
                .formatted(receipt.report().reference(), receipt.report().driveCount())
            : "Ce rapport avait déjà été reçu (%s) : rien n'a changé."
                .formatted(receipt.report().reference()));
    redirect.addFlashAttribute(
        "warnings",
        receipt.warnings().stream()
            .map(w -> "Ligne %d : %s".formatted(w.line(), w.message()))
            .toList());
    return "redirect:/assets/" + receipt.report().assetId();
  }

  @PostMapping
  String upload(
      @RequestParam(defaultValue = "nwipe") String format,
      @RequestParam(required = false) String inventoryNumber,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String toolVersion,
      @RequestParam(required = false) MultipartFile file,
      Authentication user,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    byte[] content = file == null ? new byte[0] : file.getBytes();
    try {
      Receipt receipt =
          "json".equals(format)
              ? intake.receive(new JsonSubmission(content, user.getName()))
              : intake.receive(
                  new NwipeSubmission(
                      content, null, inventoryNumber, operator, toolVersion, user.getName()));
      return received(receipt, redirect);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.inputErrors());
    }
    model.addAttribute("format", format);
    model.addAttribute("inventoryNumber", inventoryNumber);
    model.addAttribute("operator", operator);
    model.addAttribute("toolVersion", toolVersion);
    return "sanitization/new-report";
  }
}
