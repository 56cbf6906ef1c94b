package fr.secondevie.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call each route of the application: the one declaration {@link SecurityConfiguration}
 * applies at URL level (so a role without the right gets 403 before any request body is read) and
 * the access-control test checks against every request mapping. The first rule that matches a
 * request decides; a request no rule matches is refused.
 *
 * <p>Rules name a route (method and path pattern) or, for an area whose routes all have the same
 * audience, the area ({@code /imports/**}). There is deliberately no catch-all: a new route needs a
 * rule here, or it is refused and the test fails. Controllers keep their {@code @PreAuthorize} as a
 * second check; it must not be stricter than the rule (the test would fail).
 */
final class AccessRules {

  /** Who a rule lets through. */
  public enum Audience {
    /** Everyone, without an account (login page, static files, error page, health status). */
    PUBLIC,
    /**
     * Everyone at URL level; the controller lets in only the bearer of a valid, unexpired token
     * (supplier portal).
     */
    TOKEN,
    /** Any logged-in user, whatever their role. */
    AUTHENTICATED,
    /** Logged-in users having one of the rule's roles. */
    ROLES
  }

  /**
   * Who may call a route.
   *
   * @param roles the roles let through when the audience is {@link Audience#ROLES}, empty otherwise
   */
  public record Access(Audience audience, Set<Role> roles) {

    public Access {
      roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static Access of(Audience audience) {
      return new Access(audience, Set.of());
    }

    static Access roles(Role... roles) {
      return new Access(Audience.ROLES, Set.copyOf(Arrays.asList(roles)));
    }

    /** Whether a user with this role (or an anonymous visitor, {@code null}) passes the rule. */
    public boolean allows(Role role) {
      return switch (audience) {
        case PUBLIC, TOKEN -> true;
        case AUTHENTICATED -> role != null;
        case ROLES -> role != null && roles.contains(role);
      };
    }

    @Override
    public String toString() {
      return audience == Audience.ROLES ? roles.toString() : audience.name();
    }
  }

  /**
   * One rule.
   *
   * @param method the HTTP method, {@code null} for every method
   * @param pattern a Spring MVC path pattern ({@code {id}}, {@code *}, {@code /**} at the end)
   */
  public record Rule(HttpMethod method, String pattern, Access access) {

    private static final PathPatternParser PARSER = new PathPatternParser();

    boolean matches(HttpMethod requestMethod, String path) {
      if (method != null && !method.equals(requestMethod) && !isHeadOfGet(requestMethod)) {
        return false;
      }
      PathPattern parsed = PARSER.parse(pattern);
      return parsed.matches(PathContainer.parsePath(path));
    }

    /** A GET rule also decides HEAD requests, which Spring MVC serves with the GET handler. */
    private boolean isHeadOfGet(HttpMethod requestMethod) {
      return HttpMethod.GET.equals(method) && HttpMethod.HEAD.equals(requestMethod);
    }

    @Override
    public String toString() {
      return (method == null ? "*" : method.name()) + " " + pattern + " → " + access;
    }
  }

  static final Access PUBLIC = Access.of(Audience.PUBLIC);
  static final Access TOKEN = Access.of(Audience.TOKEN);
  static final Access AUTHENTICATED = Access.of(Audience.AUTHENTICATED);
  static final Access ADMIN = Access.roles(Role.ADMIN);
  static final Access IMPORTERS = Access.roles(Role.ASSET_MANAGER, Role.ADMIN);
  static final Access MANAGERS = Access.roles(Role.ASSET_MANAGER, Role.ADMIN);
  static final Access WORKSHOP = Access.roles(Role.TECHNICIAN, Role.ASSET_MANAGER, Role.ADMIN);
  static final Access RECEIVERS = Access.roles(Role.TECHNICIAN, Role.BUYER);
  static final Access WIPE_REPORTERS = Access.roles(Role.TECHNICIAN, Role.ADMIN);
  static final Access OUTBOX_READERS = Access.roles(Role.ASSET_MANAGER, Role.AUDITOR, Role.ADMIN);
  static final Access SUPPLIER_READERS =
      Access.roles(Role.BUYER, Role.EVALUATOR, Role.ASSET_MANAGER, Role.AUDITOR, Role.ADMIN);
  static final Access SUPPLIER_REGISTRARS = Access.roles(Role.BUYER, Role.ADMIN);
  static final Access EVALUATION_VIEWERS = Access.roles(Role.EVALUATOR, Role.BUYER, Role.ADMIN);
  static final Access EVALUATORS = Access.roles(Role.EVALUATOR, Role.ADMIN);
  static final Access INDICATOR_READERS =
      Access.roles(Role.AUDITOR, Role.DIRECTOR, Role.ASSET_MANAGER, Role.ADMIN);
  static final Access ANNUAL_REPORT_STARTERS =
      Access.roles(Role.AUDITOR, Role.ASSET_MANAGER, Role.ADMIN);
  static final Access CONSOLE_READERS = Access.roles(Role.ASSET_MANAGER, Role.AUDITOR, Role.ADMIN);
  static final Access CONSOLE_OPERATORS = Access.roles(Role.ASSET_MANAGER, Role.ADMIN);

  private static final List<Rule> RULES = rules();

  private AccessRules() {}

  /** Every rule, in the order they are tried. */
  public static List<Rule> all() {
    return RULES;
  }

  /** The rule deciding a request, if any (none: the request is refused). */
  public static Optional<Rule> ruleFor(HttpMethod method, String path) {
    return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
  }

  /** Applies the rules, then refuses whatever no rule names. */
  static void applyTo(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
    for (Rule rule : RULES) {
      if (HttpMethod.GET.equals(rule.method())) {
        grant(auth.requestMatchers(HttpMethod.HEAD, rule.pattern()), rule.access());
      }
      grant(
          rule.method() == null
              ? auth.requestMatchers(rule.pattern())
              : auth.requestMatchers(rule.method(), rule.pattern()),
          rule.access());
    }
    auth.anyRequest().denyAll();
  }

  private static void grant(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizedUrl matcher, Access access) {
    switch (access.audience()) {
      case PUBLIC, TOKEN -> matcher.permitAll();
      case AUTHENTICATED -> matcher.authenticated();
      case ROLES ->
          matcher.hasAnyRole(access.roles().stream().map(Role::name).toArray(String[]::new));
    }
  }

  private static List<Rule> rules() {
    List<Rule> r = new ArrayList<>();
    // shell, static files, login, errors
    any(r, "/css/**", PUBLIC);
    any(r, "/js/**", PUBLIC);
    any(r, "/webjars/**", PUBLIC);
    any(r, "/favicon.ico", PUBLIC);
    any(r, "/error", PUBLIC);
    any(r, "/login", PUBLIC);
    any(r, "/logout", PUBLIC);
    get(r, "/", AUTHENTICATED);
    // actuator on the application port: health status for everyone, the rest for admins
    get(r, "/actuator/health", PUBLIC);
    any(r, "/actuator/**", ADMIN);
    // supplier portal: no account, the unguessable token in the URL is the key
    any(r, "/portal/**", TOKEN);
    // administration and own account (users-login)
    any(r, "/admin/**", ADMIN);
    any(r, "/account/**", AUTHENTICATED);

    // inventory and GLPI import
    get(r, "/assets", AUTHENTICATED);
    get(r, "/assets/{id}", AUTHENTICATED);
    any(r, "/imports/**", IMPORTERS);
    get(r, "/api/assets", AUTHENTICATED);
    post(r, "/api/assets/import", IMPORTERS);
    get(r, "/api/assets/{inventoryNumber}", AUTHENTICATED);
    get(r, "/api/assets/{inventoryNumber}/custody", AUTHENTICATED);
    get(r, "/api/imports/{id}", IMPORTERS);

    // documents: any user at URL level, then the document's own readers (DocumentController)
    get(r, "/documents/{publicId}", AUTHENTICATED);

    // task inbox: candidate groups are checked on each task by the inbox
    get(r, "/tasks", AUTHENTICATED);
    get(r, "/tasks/{key}", AUTHENTICATED);
    post(r, "/tasks/{key}", AUTHENTICATED);
    post(r, "/tasks/claim", AUTHENTICATED);
    post(r, "/tasks/{key}/claim", AUTHENTICATED);
    post(r, "/tasks/{key}/unclaim", AUTHENTICATED);
    post(r, "/tasks/{key}/visibility", AUTHENTICATED);
    // a document a task form shows or received: TaskDocumentController checks the task rights
    get(r, "/tasks/{key}/documents/{documentId}", AUTHENTICATED);

    get(r, "/notifications", OUTBOX_READERS);

    // indicators: figures for auditors, the director and asset managers; ledgers typed in by
    // asset managers; the annual report started by auditors and asset managers
    get(r, "/indicators", INDICATOR_READERS);
    get(r, "/indicators/{year}/{table}.csv", INDICATOR_READERS);
    get(r, "/indicators/{year}/tables/{table}", INDICATOR_READERS);
    post(r, "/indicators/spend-ledger", MANAGERS);
    post(r, "/indicators/declared", MANAGERS);
    post(r, "/indicators/annual-report", ANNUAL_REPORT_STARTERS);

    // campaigns
    get(r, "/campaigns", AUTHENTICATED);
    get(r, "/campaigns/new", MANAGERS);
    post(r, "/campaigns/new", MANAGERS);
    post(r, "/campaigns", MANAGERS);
    get(r, "/campaigns/{id}", AUTHENTICATED);
    get(r, "/campaigns/{id}/progress", AUTHENTICATED);
    post(r, "/campaigns/{id}/start", MANAGERS);

    // sanitization
    any(r, "/sanitization/reports/**", WIPE_REPORTERS);
    post(r, "/api/sanitization/reports", WIPE_REPORTERS);
    post(r, "/api/sanitization/reports/device-commands", WIPE_REPORTERS);
    get(r, "/api/sanitization/reports/{reference}", AUTHENTICATED);
    get(r, "/api/sanitization/certificates", AUTHENTICATED);

    // donation
    get(r, "/beneficiaries", AUTHENTICATED);
    get(r, "/beneficiaries/new", MANAGERS);
    post(r, "/beneficiaries", MANAGERS);
    get(r, "/beneficiaries/{id}", AUTHENTICATED);
    get(r, "/beneficiaries/{id}/edit", MANAGERS);
    post(r, "/beneficiaries/{id}", MANAGERS);
    post(r, "/beneficiaries/{id}/requests", MANAGERS);
    get(r, "/donation-requests", AUTHENTICATED);
    post(r, "/donation-requests/{id}/close", MANAGERS);
    get(r, "/donations/{id}", AUTHENTICATED);
    post(r, "/donations/{id}/receipt", WORKSHOP);
    get(r, "/api/beneficiaries", AUTHENTICATED);
    post(r, "/api/beneficiaries", MANAGERS);
    get(r, "/api/beneficiaries/{id}", AUTHENTICATED);
    put(r, "/api/beneficiaries/{id}", MANAGERS);
    get(r, "/api/beneficiaries/{id}/requests", AUTHENTICATED);
    post(r, "/api/beneficiaries/{id}/requests", MANAGERS);
    get(r, "/api/donation-requests", AUTHENTICATED);
    get(r, "/api/donation-requests/{id}", AUTHENTICATED);
    post(r, "/api/donation-requests/{id}/close", MANAGERS);

    // reconditioning
    get(r, "/reconditioning-orders", AUTHENTICATED);
    get(r, "/reconditioning-orders/{id}", AUTHENTICATED);
    post(r, "/reconditioning-orders/{id}/completion", WORKSHOP);
    post(r, "/reconditioning-orders/{id}/publish", WORKSHOP);
    get(r, "/reconditioners", AUTHENTICATED);
    post(r, "/reconditioners", MANAGERS);
    post(r, "/reconditioners/{id}/active", MANAGERS);
    get(r, "/api/reconditioning-orders", AUTHENTICATED);
    get(r, "/api/reconditioning-orders/{id}", AUTHENTICATED);
    post(r, "/api/reconditioning-orders/{id}/completion", WORKSHOP);
    post(r, "/api/reconditioning-orders/{id}/publish", WORKSHOP);
    get(r, "/api/reconditioners", AUTHENTICATED);

    // purchasing (P5): any staff role requests, buyers handle the requests through their tasks
    get(r, "/purchases", AUTHENTICATED);
    post(r, "/purchases", AUTHENTICATED);
    get(r, "/purchases/{id}", AUTHENTICATED);
    post(r, "/purchases/{id}/reception", RECEIVERS);
    post(r, "/purchases/{id}/warranty-returns", RECEIVERS);
    get(r, "/api/purchase-requests", AUTHENTICATED);
    post(r, "/api/purchase-requests", AUTHENTICATED);
    get(r, "/api/purchase-requests/{id}", AUTHENTICATED);

    // recycling
    get(r, "/adapted-companies", AUTHENTICATED);
    get(r, "/adapted-companies/new", MANAGERS);
    post(r, "/adapted-companies", MANAGERS);
    get(r, "/adapted-companies/{id}", AUTHENTICATED);
    get(r, "/adapted-companies/{id}/edit", MANAGERS);
    post(r, "/adapted-companies/{id}", MANAGERS);
    get(r, "/dismantling-lots", AUTHENTICATED);
    get(r, "/dismantling-lots/{id}", AUTHENTICATED);
    post(r, "/dismantling-lots/{id}/close", MANAGERS);
    post(r, "/dismantling-lots/{id}/documents", MANAGERS);
    get(r, "/api/adapted-companies", AUTHENTICATED);
    post(r, "/api/adapted-companies", MANAGERS);
    get(r, "/api/adapted-companies/{id}", AUTHENTICATED);
    put(r, "/api/adapted-companies/{id}", MANAGERS);
    get(r, "/api/dismantling-lots", AUTHENTICATED);
    get(r, "/api/dismantling-lots/{id}", AUTHENTICATED);

    // suppliers (the portal is above)
    get(r, "/suppliers", SUPPLIER_READERS);
    get(r, "/suppliers/candidates/new", SUPPLIER_REGISTRARS);
    post(r, "/suppliers/candidates", SUPPLIER_REGISTRARS);
    get(r, "/suppliers/applications/{id}/evaluation", EVALUATION_VIEWERS);
    post(r, "/suppliers/applications/{id}/evaluation", EVALUATORS);
    get(r, "/suppliers/{id}", SUPPLIER_READERS);
    get(r, "/api/suppliers", SUPPLIER_READERS);
    post(r, "/api/suppliers/candidates", SUPPLIER_REGISTRARS);

    // operations console: process owners act, auditors read
    get(r, "/console", CONSOLE_READERS);
    get(r, "/console/instances", CONSOLE_READERS);
    get(r, "/console/instances/{key}", CONSOLE_READERS);
    post(r, "/console/instances/{key}/cancel", CONSOLE_OPERATORS);
    get(r, "/console/incidents", CONSOLE_READERS);
    post(r, "/console/incidents/{key}/retry", CONSOLE_OPERATORS);
    post(r, "/console/incidents/{key}/resolve", CONSOLE_OPERATORS);
    get(r, "/console/models", CONSOLE_READERS);
    post(r, "/console/models/check", CONSOLE_OPERATORS);
    post(r, "/console/models/{id}/deploy", CONSOLE_OPERATORS);
    return List.copyOf(r);
  }

  private static void any(List<Rule> rules, String pattern, Access access) {
    rules.add(new Rule(null, pattern, access));
  }

  private static void get(List<Rule> rules, String pattern, Access access) {
    rules.add(new Rule(HttpMethod.GET, pattern, access));
  }

  private static void post(List<Rule> rules, String pattern, Access access) {
    rules.add(new Rule(HttpMethod.POST, pattern, access));
  }

  private static void put(List<Rule> rules, String pattern, Access access) {
    rules.add(new Rule(HttpMethod.PUT, pattern, access));
  }
}
