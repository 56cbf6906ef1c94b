package fr.secondevie.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Resolves only the links to static resources through the resource chain (the versionless htmx
 * webjar path becomes its versioned one), not every link of a page. Spring Boot's own filter asks
 * the chain for each {@code @{...}} link Thymeleaf writes, and with the static handler on {@code
 * /**} a link to a page ({@code /console/instances/42}) is looked up in every static location, i.e.
 * in every jar of the application's class path, without caching the miss: with 25 to 50 rows of
 * links, that was most of a console page's time. Replaces Spring Boot's registration (same
 * dispatcher types).
 */
@Configuration
class StaticResourceLinks {

  /** Where the static resources are served from (directories of {@code static/}, webjars). */
  static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/webjars/");

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new StaticOnlyFilter());
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    return registration;
  }

  /** Spring's filter, whose resolving response sees only the links to static resources. */
  static class StaticOnlyFilter extends ResourceUrlEncodingFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!(request instanceof HttpServletRequest http)
          || !(response instanceof HttpServletResponse plain)) {
        super.doFilter(request, response, chain);
        return;
      }
      String contextPath = http.getContextPath();
      super.doFilter(
          request,
          response,
          (wrappedRequest, resolving) ->
              chain.doFilter(
                  wrappedRequest,
                  new StaticOnlyResponse((HttpServletResponse) resolving, plain, contextPath)));
    }
  }

  /** Hands a static resource's link to the resolving response, any other to the plain one. */
  static class StaticOnlyResponse extends HttpServletResponseWrapper {

    private final HttpServletResponse plain;
    private final String contextPath;

    StaticOnlyResponse(
        HttpServletResponse resolving, HttpServletResponse plain, String contextPath) {
      super(resolving);
      this.plain = plain;
      this.contextPath = contextPath == null ? "" : contextPath;
    }

    @Override
    public String encodeURL(String url) {
      return isStatic(url) ? super.encodeURL(url) : plain.encodeURL(url);
    }

    private boolean isStatic(String url) {
      if (url == null || !url.startsWith(contextPath)) {
        return false;
      }
      String path = url.substring(contextPath.length());
      return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }
  }
}
