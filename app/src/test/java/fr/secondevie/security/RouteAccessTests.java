package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.secondevie.security.AccessRules.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route of the application (read from the request mappings, the actuator's included, so a new
 * route cannot be forgotten) has a rule in {@link AccessRules}, and each rule is what the running
 * application does, for an anonymous visitor and for each role. Requests carry a malformed body: a
 * role without the right is refused (403) before the body is read.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RouteAccessTests {

  /** Stands for every path variable: no entity has it, so an allowed call ends in 404 or 400. */
  static final String DUMMY = "999999999";

  static final String MALFORMED_JSON = "{\"pas du json";

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  /** A handler's path pattern and one of its HTTP methods. */
  record Route(HttpMethod method, String pattern) implements Comparable<Route> {

    /** A concrete path for the pattern: path variables and wildcards filled with dummy values. */
    String path() {
      return pattern
          .replaceAll("\\{\\*[^}]+}", "x")
          .replaceAll("\\{[^}]+}", DUMMY)
          .replace("**", "x")
          .replace("*", "x");
    }

    @Override
    public int compareTo(Route other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return method.name() + " " + pattern;
    }
  }

  @Test
  void shouldDeclareARuleForEveryRoute() {
    // given
    Set<Route> routes = routes();

    // when
    List<Route> undeclared =
        routes.stream()
            .filter(route -> AccessRules.ruleFor(route.method(), route.path()).isEmpty())
            .toList();

    // then
    assertThat(routes).hasSizeGreaterThan(80);
    assertThat(undeclared).as("routes without a rule in AccessRules").isEmpty();
  }

  @Test
  void shouldLetThroughExactlyTheAudienceOfEachRule() throws Exception {
    // given
    List<Role> principals = new ArrayList<>(Arrays.asList(Role.values()));
    principals.add(0, null); // anonymous
    List<String> mismatches = new ArrayList<>();
    List<String> handlerFailures = new ArrayList<>();

    // when
    for (Route route : routes()) {
      Rule rule = AccessRules.ruleFor(route.method(), route.path()).orElseThrow();
      for (Role role : principals) {
        String who = role == null ? "anonyme" : role.name();
        Outcome outcome;
        try {
          outcome =
              Outcome.of(route, mvc.perform(requestFor(route, role)).andReturn().getResponse());
        } catch (Exception e) {
          // the request went through security and reached a handler that failed
          handlerFailures.add(route + " as " + who + ": " + e.getClass().getSimpleName());
          outcome = Outcome.ALLOWED;
        }
        Outcome expected = rule.access().allows(role) ? Outcome.ALLOWED : refusal(route, role);
        if (outcome != expected) {
          mismatches.add(
              "%s as %s: expected %s, got %s (rule %s)"
                  .formatted(route, who, expected, outcome, rule));
        }
      }
    }

    // then
    handlerFailures.forEach(
        f -> System.out.println("Handler failure (not a security result): " + f));
    assertThat(mismatches).isEmpty();
  }

  @Test
  void shouldRefuseARoleWithoutTheRightEvenWithAMalformedBody() throws Exception {
    // given a technician, who may not register beneficiaries, and garbage JSON

    // when / then: refused before the body is parsed
    mvc.perform(
            post("/api/beneficiaries")
                .with(user("technicien").roles(Role.TECHNICIAN.name()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(MALFORMED_JSON))
        .andExpect(status().isForbidden());
    // the asset manager, who may, gets the body's error
    mvc.perform(
            post("/api/beneficiaries")
                .with(user("gestionnaire").roles(Role.ASSET_MANAGER.name()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(MALFORMED_JSON))
        .andExpect(status().isBadRequest());
  }

  @Test
  void shouldRefuseAPathThatNoRuleNames() throws Exception {
    // given
    String path = "/une-route-oubliee";

    // when / then: even an administrator is refused, rather than told it does not exist
    assertThat(AccessRules.ruleFor(HttpMethod.GET, path)).isEmpty();
    mvc.perform(request(HttpMethod.GET, path).with(user("admin").roles(Role.ADMIN.name())))
        .andExpect(status().isForbidden());
    mvc.perform(request(HttpMethod.GET, "/api/oubliee").with(user("admin").roles("ADMIN")))
        .andExpect(status().isForbidden());
  }

  /** What a response says about access. */
  enum Outcome {
    ALLOWED,
    /** 401: API without credentials. */
    UNAUTHENTICATED,
    /** 302 to the login page: a page without a session. */
    SENT_TO_LOGIN,
    /** 403. */
    FORBIDDEN;

    static Outcome of(Route route, MockHttpServletResponse response) {
      int status = response.getStatus();
      if (status == 401) {
        return UNAUTHENTICATED;
      }
      if (status == 403) {
        return FORBIDDEN;
      }
      if (status == 302 && "/login".equals(response.getRedirectedUrl())) {
        return SENT_TO_LOGIN;
      }
      return ALLOWED;
    }
  }

  static Outcome refusal(Route route, Role role) {
    if (role != null) {
      return Outcome.FORBIDDEN;
    }
    return route.pattern().startsWith("/api/") ? Outcome.UNAUTHENTICATED : Outcome.SENT_TO_LOGIN;
  }

  static MockHttpServletRequestBuilder requestFor(Route route, Role role) {
    MockHttpServletRequestBuilder request = request(route.method(), route.path()).with(csrf());
    if (role != null) {
      request.with(user(role.name().toLowerCase()).roles(role.name()));
    }
    if (route.method() == HttpMethod.POST
        || route.method() == HttpMethod.PUT
        || route.method() == HttpMethod.PATCH) {
      request.contentType(MediaType.APPLICATION_JSON).content(MALFORMED_JSON);
    }
    return request;
  }

  /** Every (method, pattern) of every request mapping: controllers and actuator endpoints. */
  Set<Route> routes() {
    Set<Route> routes = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<HttpMethod> httpMethods =
            methods.isEmpty()
                ? List.of(HttpMethod.GET, HttpMethod.POST)
                : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
        for (String pattern : info.getPatternValues()) {
          httpMethods.forEach(m -> routes.add(new Route(m, pattern)));
        }
      }
    }
    return routes;
  }
}
