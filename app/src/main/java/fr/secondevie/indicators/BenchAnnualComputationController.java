package fr.secondevie.indicators;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Profile {@code bench-history} only: runs what P7's job {@code indicators.compute-annual} does for
 * a year ({@link AnnualReportService#computeAndFreeze}, a new frozen version), for the indicators
 * benchmark to time it without the engine's round trips. Administrator only (under {@code
 * /admin/**}: session and CSRF token, as every page's form).
 */
@RestController
@Profile("bench-history")
@PreAuthorize("hasRole('ADMIN')")
class BenchAnnualComputationController {

  private final AnnualReportService reports;

  BenchAnnualComputationController(AnnualReportService reports) {
    this.reports = reports;
  }

  @PostMapping("/admin/bench/indicators/annual-computation/{year}")
  Map<String, Object> compute(@PathVariable int year, Principal user) {
    try {
      AnnualReport report =
          reports.computeAndFreeze(year, "bench:" + UUID.randomUUID(), user.getName());
      return Map.of("year", report.year(), "version", report.version());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }
}
