package fr.secondevie.indicators;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Indicateurs page (auditor, director, asset manager, administrator): figures of a year against
 * their targets, trends, charts with their tables, drill-down to the assets, CSV export of every
 * table; the spend ledger import and the declared past results (asset manager, administrator).
 */
@Controller
@PreAuthorize(IndicatorsController.READERS)
class IndicatorsController {

  static final String READERS = "hasAnyRole('AUDITOR','DIRECTOR','ASSET_MANAGER','ADMIN')";
  static final String WRITERS = "hasAnyRole('ASSET_MANAGER','ADMIN')";

  private final IndicatorsService indicators;
  private final SpendLedgerService ledger;
  private final DeclaredResults declared;
  private final AnnualReportService reports;
  private final AnnualReportStarter starter;

  IndicatorsController(
      IndicatorsService indicators,
      SpendLedgerService ledger,
      DeclaredResults declared,
      AnnualReportService reports,
      AnnualReportStarter starter) {
    this.indicators = indicators;
    this.ledger = ledger;
    this.declared = declared;
    this.reports = reports;
    this.starter = starter;
  }

  /** Starts P7 for a year (the auditor then verifies it in the task list). */
  @PostMapping("/indicators/annual-report")
  @PreAuthorize("hasAnyRole('AUDITOR','ASSET_MANAGER','ADMIN')")
  String startAnnualReport(
      @RequestParam(name = "annee", required = false) String yearParam,
      RedirectAttributes redirect) {
    int current = indicators.currentYear();
    Integer year = parseYear(yearParam, current);
    if (year == null || year > current) {
      redirect.addFlashAttribute(
          "error",
          "Année « "
              + yearParam
              + " » non reconnue : choisissez une année entre 2000 et "
              + current
              + ".");
      return "redirect:/indicators#rapport";
    }
    try {
      starter.start(year);
      redirect.addFlashAttribute(
          "message",
          "Rapport annuel "
              + year
              + " lancé : les indicateurs sont calculés et figés, puis soumis à l'auditeur"
              + " (tâche « Vérifier les indicateurs »).");
    } catch (RuntimeException e) {
      redirect.addFlashAttribute(
          "error",
          "Le moteur de processus n'a pas pu lancer le rapport annuel " + year + " ; réessayez.");
    }
    return "redirect:/indicators?annee=" + year + "#rapport";
  }

  @GetMapping("/indicators")
  String page(@RequestParam(name = "annee", required = false) String yearParam, Model model) {
    int current = indicators.currentYear();
    int year = current;
    if (yearParam != null && !yearParam.isBlank()) {
      Integer parsed = parseYear(yearParam, current);
      if (parsed == null) {
        model.addAttribute(
            "yearError",
            "Année « "
                + yearParam
                + " » non reconnue : choisissez une année entre 2000 et "
                + current
                + ".");
      } else {
        year = parsed;
      }
    }
    model.addAttribute("year", year);
    fill(model, year, current);
    if (!model.containsAttribute("declaration")) {
      model.addAttribute("declaration", new DeclaredResults.Form(null, null, null, null, null));
    }
    return "indicators/page";
  }

  /**
   * One page of a table of the Indicateurs page, which shows only the first {@link
   * DataTable#PAGE_ROWS} rows of each: plain links from page to page, no script needed.
   */
  @GetMapping("/indicators/{year}/tables/{table}")
  String tablePage(
      @PathVariable String year,
      @PathVariable String table,
      @RequestParam(name = "page", required = false) String pageParam,
      Model model) {
    Integer y = parseYear(year, indicators.currentYear());
    if (y == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Année inconnue");
    }
    IndicatorsService.Page page = indicators.page(y);
    DataTable t = page.tables().get(table);
    if (t == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Tableau inconnu");
    }
    int number = 1;
    if (pageParam != null && !pageParam.isBlank()) {
      Integer parsed = parseInt(pageParam);
      if (parsed == null || t.slice(parsed) == null) {
        model.addAttribute(
            "pageError",
            "Page « "
                + pageParam
                + " » inconnue : ce tableau compte "
                + t.pages()
                + " page(s) ; voici la première.");
      } else {
        number = parsed;
      }
    }
    model.addAttribute("year", y);
    model.addAttribute("table", t);
    model.addAttribute("slice", t.slice(number));
    model.addAttribute("kept", page);
    return "indicators/table-page";
  }

  @GetMapping("/indicators/{year}/{table}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String year, @PathVariable String table) {
    Integer y = parseYear(year, indicators.currentYear());
    if (y == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Année inconnue");
    }
    DataTable t = tables(y).get(table);
    if (t == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Tableau inconnu");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(table + "-" + y + ".csv").build().toString())
        .body(t.csv().getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/indicators/spend-ledger")
  @PreAuthorize(WRITERS)
  String importLedger(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Principal user,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    int current = indicators.currentYear();
    if (file == null || file.isEmpty()) {
      model.addAttribute(
          "ledgerErrors", List.of(InputError.of("file", "Choisissez le fichier CSV à importer.")));
      model.addAttribute("year", current);
      model.addAttribute("declaration", new DeclaredResults.Form(null, null, null, null, null));
      fill(model, current, current);
      return "indicators/page";
    }
    try {
      SpendLedgerService.Imported imported =
          ledger.importFile(file.getOriginalFilename(), file.getBytes(), user.getName());
      redirect.addFlashAttribute(
          "message",
          "Registre importé : "
              + imported.lines()
              + " ligne(s) ("
              + imported.encoding()
              + "), années "
              + imported.years()
              + " remplacées.");
      int year = ((TreeSet<Integer>) new TreeSet<>(imported.years())).last();
      return "redirect:/indicators?annee=" + year + "#achats";
    } catch (InvalidInputException e) {
      model.addAttribute("ledgerErrors", e.inputErrors());
      model.addAttribute("year", current);
      model.addAttribute("declaration", new DeclaredResults.Form(null, null, null, null, null));
      fill(model, current, current);
      return "indicators/page";
    }
  }

  @PostMapping("/indicators/declared")
  @PreAuthorize(WRITERS)
  String declare(
      @RequestParam(required = false) String firstYear,
      @RequestParam(required = false) String lastYear,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) String figure,
      @RequestParam(required = false) String evidence,
      Principal user,
      Model model,
      RedirectAttributes redirect) {
    int current = indicators.currentYear();
    DeclaredResults.Form form =
        new DeclaredResults.Form(
            parseInt(firstYear), parseInt(lastYear), indicator, figure, evidence);
    Map<String, String> errors = form.errors(current);
    if (!errors.isEmpty()) {
      model.addAttribute("declaration", form);
      model.addAttribute("declarationErrors", errors);
      model.addAttribute("year", current);
      fill(model, current, current);
      return "indicators/page";
    }
    declared.declare(form, user.getName());
    redirect.addFlashAttribute("message", "Résultat déclaré enregistré.");
    return "redirect:/indicators#declares";
  }

  private void fill(Model model, int year, int current) {
    IndicatorsService.Page page = indicators.page(year);
    YearFigures f = page.view().figures();
    List<ReuseRate> trend = page.view().trend();
    List<PurchaseShare> purchases = page.purchases();
    Map<String, DataTable> tables = page.tables();
    TreeSet<Integer> years = new TreeSet<>();
    trend.forEach(r -> years.add(r.year()));
    years.add(year);
    model.addAttribute("years", new ArrayList<>(years.descendingSet()));
    model.addAttribute("f", f);
    model.addAttribute("reports", reports.versions(year));
    model.addAttribute("t", tables);
    model.addAttribute("kept", page);
    model.addAttribute(
        "deductionRatePct",
        f.adaptedSector().deductionRate().movePointRight(2).stripTrailingZeros().toPlainString());
    model.addAttribute(
        "reuseChart",
        SvgChart.bars(
            "chart-reemploi",
            "Taux de réemploi par année, en %",
            "Barres : taux de réemploi de chaque année ; trait pointillé : cible du décret 2023-266."
                + " Les valeurs sont dans le tableau qui suit.",
            "%",
            trend.stream()
                .map(
                    r ->
                        new SvgChart.Bar(
                            String.valueOf(r.year()),
                            r.rate().orElse(null),
                            r.target() == null ? null : BigDecimal.valueOf(r.target())))
                .toList()));
    model.addAttribute(
        "purchaseChart",
        SvgChart.bars(
            "chart-achats",
            "Part des achats reconditionnés ou issus du réemploi par année, en %",
            "Barres : part de chaque année ; trait pointillé : cible de 20 %. Les valeurs sont dans"
                + " le tableau qui suit.",
            "%",
            purchases.stream()
                .map(
                    p ->
                        new SvgChart.Bar(
                            String.valueOf(p.year()),
                            p.share().orElse(null),
                            BigDecimal.valueOf(PurchaseShare.TARGET)))
                .toList()));
    model.addAttribute(
        "routeChart",
        SvgChart.bars(
            "chart-orientations",
            "Équipements sortis en " + year + " par orientation",
            "Barres : nombre d'équipements par orientation. Les valeurs sont dans le tableau qui"
                + " suit.",
            "unités",
            f.volumes().byRoute().stream()
                .map(c -> new SvgChart.Bar(c.label(), BigDecimal.valueOf(c.units()), null))
                .toList()));
  }

  private Map<String, DataTable> tables(int year) {
    return indicators.page(year).tables();
  }

  private static Integer parseYear(String text, int current) {
    Integer y = parseInt(text);
    return y == null || y < 2000 || y > current + 1 ? null : y;
  }

  private static Integer parseInt(String text) {
    if (text == null || !text.strip().matches("\\d{1,4}")) {
      return null;
    }
    return Integer.valueOf(text.strip());
  }
}
