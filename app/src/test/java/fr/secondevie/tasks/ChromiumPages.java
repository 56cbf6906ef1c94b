package fr.secondevie.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium (Debian's chromium and chromium-driver, never downloaded) driven as a new user
 * would, with the checks every page state visited must pass: axe-core finds no WCAG 2.1 A/AA
 * violation, the page reflows at 320 CSS pixels without horizontal scrolling (WCAG 1.4.10), and a
 * screenshot is kept under {@code target/screenshots/}. Findings are collected so that one run
 * lists every page that fails; {@link #findings()} is asserted empty at the end.
 */
final class ChromiumPages implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  static final int WIDTH = 1366;

  /** Full-page screenshots stop there (CSS pixels). */
  private static final long MAX_SHOT_HEIGHT = 3000;

  static final int HEIGHT = 900;
  static final int NARROW = 320;

  private final ChromeDriver driver;
  private final String base;
  private final String axe;
  private final List<String> findings = new ArrayList<>();
  private final List<String> states = new ArrayList<>();
  private String user;

  ChromiumPages(int port) {
    this.base = "http://localhost:" + port;
    this.axe = axeScript();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--lang=fr-FR",
        "--window-size=" + WIDTH + "," + HEIGHT);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  private static String axeScript() {
    try (InputStream in = ChromiumPages.class.getResourceAsStream("/axe.min.js")) {
      assertThat(in).as("axe.min.js of com.deque.html.axe-core:selenium").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> findings() {
    return findings;
  }

  List<String> states() {
    return states;
  }

  ChromeDriver driver() {
    return driver;
  }

  String path() {
    URI uri = URI.create(driver.getCurrentUrl());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String title() {
    return driver.getTitle();
  }

  /** Opens a page by its address, as a bookmark or a typed address would. */
  void open(String path) {
    driver.get(base + path);
  }

  /** Logs in through the login form, after logging out the previous user. */
  void loginAs(String user, String step) {
    if (user.equals(this.user)) {
      return;
    }
    if (this.user != null) {
      submitWith(driver.findElement(By.cssSelector("form[action='/logout'] button")));
    }
    open("/login");
    WebElement form = driver.findElement(By.cssSelector("form[action='/login']"));
    type(form.findElement(By.name("username")), user);
    type(form.findElement(By.name("password")), "demo");
    submitWith(form.findElement(By.cssSelector("button[type=submit]")));
    assertThat(path()).as("%s logged in", user).isEqualTo("/");
    assertThat(text()).contains("Connecté : " + user);
    this.user = user;
  }

  /** Clicks a submit button (or link) and waits for the next page to be loaded. */
  void submitWith(WebElement button) {
    WebElement html = driver.findElement(By.tagName("html"));
    button.click();
    Awaitility.await("next page after a click as " + user)
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(
            () -> {
              try {
                html.getTagName();
                return false;
              } catch (StaleElementReferenceException gone) {
                return "complete".equals(js("return document.readyState"));
              }
            });
  }

  /** Reloads the page until it shows what the walkthrough waits for (the workers run apart). */
  void until(String path, Predicate<ChromiumPages> shown) {
    Awaitility.await("waiting on %s as %s".formatted(path, user))
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              open(path);
              return shown.test(this);
            });
  }

  boolean has(By selector) {
    return !driver.findElements(selector).isEmpty();
  }

  WebElement find(By selector) {
    List<WebElement> found = driver.findElements(selector);
    assertThat(found).as("%s on %s", selector, path()).isNotEmpty();
    return found.get(0);
  }

  WebElement form(String css) {
    return find(By.cssSelector(css));
  }

  /** Sets a field of a form as a user would: types, ticks, chooses. */
  void set(WebElement form, String name, String value) {
    List<WebElement> fields = waitForFields(form, name);
    WebElement field = fields.get(0);
    String tag = field.getTagName();
    String type = String.valueOf(field.getAttribute("type")).toLowerCase();
    if (tag.equals("select")) {
      js(
          "arguments[0].value = arguments[1];"
              + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
          field,
          value);
      assertThat(field.getAttribute("value")).as("option %s of %s", value, name).isEqualTo(value);
    } else if (type.equals("checkbox") || type.equals("radio")) {
      WebElement choice =
          fields.stream()
              .filter(f -> value.equals(f.getAttribute("value")))
              .findFirst()
              .orElse(fields.size() == 1 ? field : null);
      assertThat(choice).as("choice %s of %s on %s", value, name, path()).isNotNull();
      if (!choice.isSelected()) {
        clickLabelOrBox(choice);
      }
      assertThat(choice.isSelected()).as("%s=%s ticked", name, value).isTrue();
    } else if (List.of("date", "datetime-local", "time", "month").contains(type)) {
      js(
          "arguments[0].value = arguments[1];"
              + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
              + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
          field,
          value);
      assertThat(field.getAttribute("value")).as("%s", name).isEqualTo(value);
    } else if (type.equals("file")) {
      field.sendKeys(Path.of(value).toAbsolutePath().normalize().toString());
    } else {
      type(field, value);
    }
  }

  private void clickLabelOrBox(WebElement box) {
    js("arguments[0].scrollIntoView({block: 'center'})", box);
    box.click();
  }

  private List<WebElement> waitForFields(WebElement form, String name) {
    List<List<WebElement>> found = new ArrayList<>();
    Awaitility.await("field %s on %s".formatted(name, path()))
        .atMost(Duration.ofSeconds(15))
        .ignoreException(StaleElementReferenceException.class)
        .until(
            () -> {
              List<WebElement> fields = form.findElements(By.name(name));
              boolean usable =
                  !fields.isEmpty()
                      && (fields.get(0).isDisplayed()
                          || "file".equals(fields.get(0).getAttribute("type")));
              if (usable) {
                found.add(fields);
              }
              return usable;
            });
    return found.get(0);
  }

  private void type(WebElement field, String value) {
    js("arguments[0].scrollIntoView({block: 'center'})", field);
    field.clear();
    field.sendKeys(value);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * The checks of one page state: axe-core (WCAG 2.1 A and AA), reflow at 320 CSS pixels, and the
   * screenshots (1366 px wide, full page; and 320 px wide).
   */
  @SuppressWarnings("unchecked")
  /** Where the first element matching {@code css} starts, in CSS pixels from the page's top. */
  int offsetOf(String css) {
    return ((Number)
            js(
                "const e = document.querySelector(arguments[0]);"
                    + " return e ? Math.round(e.getBoundingClientRect().top + window.scrollY) : 0;",
                css))
        .intValue();
  }

  void check(String step) {
    String name = "%02d-%s".formatted(states.size() + 1, step);
    states.add(name + " " + path());
    // axe, in the page as loaded (executeScript runs outside the page's CSP)
    if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined'"))) {
      js(axe);
    }
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                    + " resultTypes: ['violations']})"
                    + " .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                    + " help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))))"
                    + " .catch(e => done([{id: 'axe-error', impact: 'error', help: String(e),"
                    + " targets: []}]));",
                WCAG_TAGS);
    for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
      findings.add(
          "axe %s (%s) on %s [%s]: %s — %s"
              .formatted(
                  violation.get("id"),
                  violation.get("impact"),
                  path(),
                  name,
                  violation.get("help"),
                  violation.get("targets")));
    }
    screenshot(name, WIDTH);
    // reflow: the page at 320 CSS pixels scrolls vertically only; the content must fit
    // document.documentElement.scrollWidth <= window.innerWidth, and even the width left by a
    // vertical scrollbar (clientWidth)
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", NARROW, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    try {
      Map<String, Object> widths =
          (Map<String, Object>)
              js(
                  "const w = Math.min(window.innerWidth, document.documentElement.clientWidth);"
                      + " const wide = [...document.querySelectorAll('body *')]"
                      + " .filter(e => e.getBoundingClientRect().right > w + 1)"
                      + " .filter(e => !e.closest('.table-scroll'))"
                      + " .filter(e => ![...e.children].some(c =>"
                      + " c.getBoundingClientRect().right > w + 1))"
                      + " .slice(0, 6).map(e => e.tagName.toLowerCase()"
                      + " + (e.id ? '#' + e.id : '')"
                      + " + (e.className && typeof e.className === 'string'"
                      + " ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
                      + " + ' «' + (e.textContent || '').trim().slice(0, 30) + '»');"
                      + " return {scroll: document.documentElement.scrollWidth, inner: w,"
                      + " wide: wide};");
      long scroll = ((Number) widths.get("scroll")).longValue();
      long inner = ((Number) widths.get("inner")).longValue();
      if (scroll > inner) {
        findings.add(
            "reflow on %s [%s]: %d px of content in %d px; too wide: %s"
                .formatted(path(), name, scroll, inner, widths.get("wide")));
      }
      screenshot(name + "-320", NARROW);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @SuppressWarnings("unchecked")
  private void screenshot(String name, int width) {
    // the whole page, not only the window (the asset's timeline is below the fold), capped
    long height =
        Math.min(
            MAX_SHOT_HEIGHT,
            ((Number) js("return document.documentElement.scrollHeight;")).longValue());
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first row of the inbox's task list with that task name, if any. */
  WebElement taskRow(String title) {
    return driver.findElements(By.cssSelector("table#tasks tbody tr")).stream()
        .filter(r -> !r.findElements(By.cssSelector("td.task a")).isEmpty())
        .filter(r -> r.findElement(By.cssSelector("td.task a")).getText().equals(title))
        .findFirst()
        .orElse(null);
  }

  /** Takes the first open task of that name in the inbox ("Prendre" opens it). */
  void claimAndOpen(String title, String step) {
    until("/tasks", p -> p.taskRow(title) != null);
    WebElement row = taskRow(title);
    List<WebElement> claim = row.findElements(By.cssSelector("form[action$='/claim'] button"));
    if (claim.isEmpty()) {
      submitWith(row.findElement(By.cssSelector("td.task a")));
    } else {
      submitWith(claim.get(0));
      assertThat(text()).contains("» prise");
    }
    assertThat(text()).contains(title);
    assertThat(has(By.cssSelector("form[action$='/unclaim'] button")))
        .as("assigned to me")
        .isTrue();
    check(step);
  }

  /** "Terminer la tâche", then the inbox says it is done. */
  void complete(WebElement taskForm, String step) {
    submitWith(taskForm.findElement(By.cssSelector(".form-actions button[value=complete]")));
    if (!path().equals("/tasks")) {
      check(step + "-refusee");
    }
    assertThat(path()).as(text()).isEqualTo("/tasks");
    assertThat(text()).contains("est terminée");
    check(step + "-terminee");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
