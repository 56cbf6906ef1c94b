package fr.secondevie.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicators of a hospital with ten years of history, on the real application: its repackaged
 * jar started in a child JVM in embedded demo mode with the profile {@code bench-history}, which
 * writes, before the application is ready, ten years of 1,200 retired assets each with their chain
 * of custody, outcome facts, donations and spend ledger ({@code BenchHistoryGenerator}, which
 * refuses to run outside embedded demo mode or on a non-empty inventory).
 *
 * <p>Then it times, after a warm-up, the whole request of the Indicateurs page of the last full
 * year and of the current year as the demo auditor (form login, session; the HTML rendered and read
 * to its end), and what P7's job {@code indicators.compute-annual} does for the last full year (the
 * bench-only endpoint {@code POST /admin/bench/indicators/annual-computation/{year}}, as the demo
 * administrator), and prints p50 / p95 / max of each.
 *
 * <p>Arguments: {@code <application jar> [page loads, default 100] [annual computations, default
 * 10]}. System properties: {@code bench.output} (report file, default {@code
 * target/indicators-bench.txt}), {@code bench.appJvm} (default {@code -Xmx1g}), {@code
 * bench.appArgs} (extra Spring arguments, space-separated), {@code bench.years} (default 10),
 * {@code bench.perYear} (default 1200), {@code bench.sampleMs} (period of the thread dumps taken
 * while the pages load, 0 for none, the default).
 */
public final class IndicatorsBenchmark {

  private static final Pattern GENERATED =
      Pattern.compile("Bench history generated in (\\d+) ms: (.*)");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int WARM_UP_PAGES = 30;
  private static final int WARM_UP_COMPUTATIONS = 3;

  private IndicatorsBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: IndicatorsBenchmark <application jar> [page loads] [computations]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int loads = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int computations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path output = Path.of(System.getProperty("bench.output", "target/indicators-bench.txt"));
    List<String> jvm = split(System.getProperty("bench.appJvm", "-Xmx1g"));
    int years = Integer.getInteger("bench.years", 10);
    int perYear = Integer.getInteger("bench.perYear", 1200);
    long sampleMs = Long.getLong("bench.sampleMs", 0);
    List<String> appArgs = new ArrayList<>(split(System.getProperty("bench.appArgs", "")));
    appArgs.add("--spring.profiles.active=demo,bench-history");
    appArgs.add("--secondevie.bench-history.years=" + years);
    appArgs.add("--secondevie.bench-history.assets-per-year=" + perYear);

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Indicators benchmark: %d years of %d retired assets, %d page loads, %d annual"
                + " computations; load average before: %s%n",
            years,
            perYear,
            loads,
            computations,
            loadAverage()));
    long startAsked = System.nanoTime();
    try (ApplicationProcess application =
        ApplicationProcess.start(jar, jvm, appArgs, Duration.ofMinutes(30))) {
      long startMs = (System.nanoTime() - startAsked) / 1_000_000;
      Matcher generated = GENERATED.matcher(Files.readString(application.log));
      if (!generated.find()) {
        throw new IllegalStateException("No history generated; see " + application.log);
      }
      report.append(
          String.format(
              Locale.ROOT,
              "application ready after %.1f s, of which history generation %.1f s (%s)%n",
              startMs / 1e3,
              Long.parseLong(generated.group(1)) / 1e3,
              generated.group(2)));

      String base = "http://localhost:" + application.httpPort;
      int current = LocalDate.now(PARIS).getYear();
      int last = current - 1;
      Http auditor = Http.session(base, "auditeur", "demo");
      Http admin = Http.session(base, "admin", "demo");
      String adminCsrf = admin.csrf("/indicators");

      String lastYearPage = "/indicators?annee=" + last;
      Supplier<String> lastYear = () -> page(auditor, lastYearPage);
      Supplier<String> currentYear = () -> page(auditor, "/indicators");
      Supplier<String> compute =
          () ->
              Http.check(
                      admin.form(
                          "/admin/bench/indicators/annual-computation/" + last,
                          java.util.Map.of(),
                          adminCsrf),
                      "annual computation")
                  .body();

      for (int i = 0; i < WARM_UP_PAGES; i++) {
        lastYear.get();
        currentYear.get();
      }
      for (int i = 0; i < WARM_UP_COMPUTATIONS; i++) {
        compute.get();
      }
      StackSampler sampler = sampleMs > 0 ? new StackSampler(application.pid(), sampleMs) : null;
      report.append(measure("page /indicators?annee=" + last + " (auditor)", loads, lastYear));
      report.append(measure("page /indicators (current year, auditor)", loads, currentYear));
      // the floor of any page for the same user: session, security, layout with its task counter
      Supplier<String> light =
          () ->
              Http.check(
                      auditor.send(HttpRequest.newBuilder(auditor.uri("/account/password")).GET()),
                      "/account/password")
                  .body();
      for (int i = 0; i < WARM_UP_PAGES; i++) {
        light.get();
      }
      report.append(measure("reference: page /account/password (auditor)", loads, light));
      if (sampler != null) {
        sampler.close();
        report.append(sampler.text());
      }
      report.append(measure("annual computation of " + last, computations, compute));
      report.append(
          String.format(
              Locale.ROOT,
              "page size %d characters; heap after GC %d MB; ERROR lines in the log: %d;"
                  + " load average after: %s%n",
              lastYear.get().length(),
              application.heapAfterGcMb(),
              application.errorLines.get(),
              loadAverage()));
      System.out.print(report);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, report.toString(), StandardCharsets.UTF_8);
      System.out.println("Written to " + output.toAbsolutePath());
      application.close();
      application.deleteWorkDir(output.resolveSibling("indicators-bench-application.log"));
    }
  }

  private static String page(Http http, String path) {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(path)).GET());
    Http.check(response, path);
    if (!response.body().contains("Taux de réemploi")) {
      throw new IllegalStateException(path + " is not the indicators page");
    }
    return response.body();
  }

  private static String measure(String what, int times, Supplier<String> action) {
    long[] nanos = new long[times];
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      action.get();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return String.format(
        Locale.ROOT,
        "  %-50s p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms (%d runs)%n",
        what,
        at(nanos, 0.50),
        at(nanos, 0.95),
        nanos[nanos.length - 1] / 1e6,
        times);
  }

  private static double at(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
  }
}
