package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * The links a page writes: those to static resources go through the resource chain (the htmx
 * webjar's versionless path becomes its versioned one), the others are never looked up.
 */
class StaticResourceLinksTests {

  /** A resource chain on {@code /**} that knows the htmx webjar and records what it is asked. */
  static class RecordingResolver implements ResourceResolver {
    final List<String> asked = new ArrayList<>();

    @Override
    public Resource resolveResource(
        HttpServletRequest request,
        String requestPath,
        List<? extends Resource> locations,
        ResourceResolverChain chain) {
      return null;
    }

    @Override
    public String resolveUrlPath(
        String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
      asked.add(resourcePath);
      return switch (resourcePath) {
        case "webjars/htmx.org/dist/htmx.min.js" -> "webjars/htmx.org/2.0.4/dist/htmx.min.js";
        case "css/app.css" -> "css/app.css";
        default -> null;
      };
    }
  }

  static ResourceUrlProvider provider(RecordingResolver resolver) {
    ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
    handler.setResourceResolvers(List.of(resolver));
    ResourceUrlProvider provider = new ResourceUrlProvider();
    provider.setHandlerMap(Map.of("/**", handler));
    return provider;
  }

  @Test
  void shouldResolveStaticLinksOnlyAndLeavePageLinksAsWritten() throws Exception {
    // given: a page request, its resource chain exposed as the dispatcher servlet does
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/instances");
    MockHttpServletResponse response = new MockHttpServletResponse();
    RecordingResolver resolver = new RecordingResolver();
    ResourceUrlProvider provider = provider(resolver);
    List<String> written = new ArrayList<>();

    // when: the page writes its links
    new StaticResourceLinks.StaticOnlyFilter()
        .doFilter(
            request,
            response,
            (req, res) -> {
              req.setAttribute(
                  ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
              HttpServletResponse page = (HttpServletResponse) res;
              written.add(page.encodeURL("/webjars/htmx.org/dist/htmx.min.js"));
              written.add(page.encodeURL("/css/app.css"));
              written.add(page.encodeURL("/console/instances/2251799813685249"));
              written.add(page.encodeURL("/console/instances?page=2&state=INCIDENT"));
            });

    // then
    assertThat(written)
        .containsExactly(
            "/webjars/htmx.org/2.0.4/dist/htmx.min.js",
            "/css/app.css",
            "/console/instances/2251799813685249",
            "/console/instances?page=2&state=INCIDENT");
    assertThat(resolver.asked).containsExactly("webjars/htmx.org/dist/htmx.min.js", "css/app.css");
  }

  @Test
  void shouldReplaceSpringBootsFilterRegistration() {
    // given / when
    var registration = new StaticResourceLinks().resourceUrlEncodingFilter();

    // then: a filter of Spring's type, so that Spring Boot registers none of its own
    assertThat(registration.getFilter()).isInstanceOf(StaticResourceLinks.StaticOnlyFilter.class);
  }
}
