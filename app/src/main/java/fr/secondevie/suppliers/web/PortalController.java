package fr.secondevie.suppliers.web;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.suppliers.Answer;
import fr.secondevie.suppliers.Criterion;
import fr.secondevie.suppliers.Evidence;
import fr.secondevie.suppliers.PortalAccessException;
import fr.secondevie.suppliers.ProcessUnavailableException;
import fr.secondevie.suppliers.SupplierApplicationStateException;
import fr.secondevie.suppliers.SupplierPortal;
import fr.secondevie.suppliers.SupplierPortal.PortalView;
import fr.secondevie.suppliers.SupplierPortal.Upload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The public supplier portal: no account, the token of the e-mailed link is the only key (Spring
 * Security lets {@code /portal/**} through; {@link SupplierPortal} checks the token on every
 * request). Pages are never cached nor sent as referrer, so the token does not leak from the
 * browser.
 */
@Controller
class PortalController {

  private final SupplierPortal portal;

  PortalController(SupplierPortal portal) {
    this.portal = portal;
  }

  @ModelAttribute
  void privacyHeaders(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
  }

  @GetMapping("/portal/{token}")
  String questionnaire(@PathVariable String token, Model model) {
    PortalView view = portal.open(token);
    return page(token, view, Map.of(), Map.of(), Map.of(), Map.of(), model);
  }

  @PostMapping("/portal/{token}")
  String save(
      @PathVariable String token,
      @RequestParam(name = "action", defaultValue = "save") String action,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    PortalView view = portal.open(token);
    Map<String, String> answers = new LinkedHashMap<>();
    Map<String, String> comments = new LinkedHashMap<>();
    List<Upload> uploads = new ArrayList<>();
    for (Criterion criterion : view.questionnaire().criteria()) {
      String code = criterion.code();
      if (request.getParameterMap().containsKey("answer-" + code)) {
        answers.put(code, request.getParameter("answer-" + code));
      }
      if (request.getParameterMap().containsKey("comment-" + code)) {
        comments.put(code, request.getParameter("comment-" + code));
      }
      MultipartHttpServletRequest multipart =
          WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
      if (multipart != null) {
        for (MultipartFile file : multipart.getFiles("file-" + code)) {
          boolean chosen =
              !file.isEmpty()
                  || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank());
          if (chosen) {
            uploads.add(new Upload(code, file.getOriginalFilename(), file.getBytes()));
          }
        }
      }
    }
    try {
      if (!view.editable()) {
        throw new SupplierApplicationStateException(
            "Vos réponses ont été transmises : elles ne peuvent plus être modifiées.");
      }
      portal.save(token, answers, comments, uploads);
      if (action.startsWith("remove:")) {
        portal.removeEvidence(token, action.substring("remove:".length()));
        redirect.addFlashAttribute(
            "notice", "Justificatif retiré ; vos réponses sont enregistrées.");
      } else if (action.equals("submit")) {
        List<String> unjustified = portal.submit(token);
        redirect.addFlashAttribute("notice", "Vos réponses sont transmises au CHU. Merci.");
        redirect.addFlashAttribute("unjustified", unjustified);
      } else {
        redirect.addFlashAttribute(
            "notice",
            uploads.isEmpty()
                ? "Brouillon enregistré."
                : "Brouillon enregistré avec " + uploads.size() + " justificatif(s).");
      }
      return "redirect:/portal/" + token;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(
          token,
          portal.open(token),
          answers,
          comments,
          SupplierPortal.answerProblems(e),
          SupplierPortal.fileProblems(e),
          model);
    } catch (SupplierApplicationStateException | ProcessUnavailableException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("failure", e.getMessage());
      return page(token, portal.open(token), answers, comments, Map.of(), Map.of(), model);
    }
  }

  @GetMapping("/portal/{token}/evidence/{documentId}")
  ResponseEntity<byte[]> evidence(@PathVariable String token, @PathVariable String documentId) {
    SupplierPortal.Download file = portal.evidence(token, documentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }

  /** A wrong token is 404, an expired or closed one 410, with a page saying so in French. */
  @ExceptionHandler(PortalAccessException.class)
  String unavailable(PortalAccessException e, HttpServletResponse response, Model model) {
    privacyHeaders(response);
    response.setStatus(
        e.reason() == PortalAccessException.Reason.UNKNOWN
            ? HttpStatus.NOT_FOUND.value()
            : HttpStatus.GONE.value());
    model.addAttribute("reason", e.reason().name());
    model.addAttribute("message", e.getMessage());
    return "portal/unavailable";
  }

  private String page(
      String token,
      PortalView view,
      Map<String, String> typedAnswers,
      Map<String, String> typedComments,
      Map<String, String> answerProblems,
      Map<String, String> fileProblems,
      Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> comments = new LinkedHashMap<>();
    Map<String, Answer> stored = new LinkedHashMap<>();
    Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
    for (Criterion criterion : view.questionnaire().criteria()) {
      String code = criterion.code();
      Answer answer = view.application().answer(code).orElse(null);
      stored.put(code, answer);
      values.put(
          code,
          typedAnswers.containsKey(code)
              ? typedAnswers.get(code)
              : answer == null ? null : answer.answer());
      comments.put(
          code,
          typedComments.containsKey(code)
              ? typedComments.get(code)
              : answer == null ? null : answer.comment());
      evidence.put(code, view.application().evidenceFor(code));
    }
    model.addAttribute("values", values);
    model.addAttribute("comments", comments);
    model.addAttribute("stored", stored);
    model.addAttribute("evidence", evidence);
    model.addAttribute("token", token);
    model.addAttribute("view", view);
    model.addAttribute("typedAnswers", typedAnswers);
    model.addAttribute("typedComments", typedComments);
    model.addAttribute("answerProblems", answerProblems);
    model.addAttribute("fileProblems", fileProblems);
    model.addAttribute("policy", SupplierPortal.POLICY.acceptedTypes());
    return "portal/questionnaire";
  }
}
