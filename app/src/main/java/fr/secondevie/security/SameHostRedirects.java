package fr.secondevie.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.PortMapperImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every redirect to the application itself relative, so that no {@code Location} is ever
 * built from the request's {@code Host} header (which the client chooses). Spring Security builds
 * absolute URLs from the request for the login page and for the page saved before login; with a
 * forged {@code Host: evil.example} they would send the user there. An absolute URL naming the
 * request's own host and port becomes its path, query and fragment; any other absolute URL (an
 * identity provider's) is left as it is. Tomcat's own {@code sendRedirect} is relative too ({@code
 * server.tomcat.use-relative-redirects=true}).
 */
final class SameHostRedirects extends OncePerRequestFilter {

  private static final PortMapperImpl PORTS = new PortMapperImpl();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new RelativeRedirectResponse(request, response));
  }

  /** The location to send: relative when it names the request's own host and port. */
  static String relative(HttpServletRequest request, String location) {
    if (location == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      return location;
    }
    if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getHost() == null) {
      return location;
    }
    boolean sameHost = uri.getHost().equalsIgnoreCase(request.getServerName());
    boolean samePort = ownPorts(request).contains(port(uri));
    if (!sameHost || !samePort) {
      return location;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    // "//host/..." would be read as another host: keep a single leading slash
    StringBuilder relative = new StringBuilder("/" + path.replaceFirst("^/+", ""));
    if (uri.getRawQuery() != null) {
      relative.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      relative.append('#').append(uri.getRawFragment());
    }
    return relative.toString();
  }

  /**
   * The request's port, and the one Spring Security may put in its place: its port resolver maps a
   * plain-HTTP request on 8443 to 8080 and an HTTPS one on 8080 to 8443 (80 and 443 likewise).
   */
  private static Set<Integer> ownPorts(HttpServletRequest request) {
    int port = request.getServerPort();
    Set<Integer> ports = new HashSet<>();
    ports.add(port);
    Integer http = PORTS.lookupHttpPort(port);
    Integer https = PORTS.lookupHttpsPort(port);
    if (http != null) {
      ports.add(http);
    }
    if (https != null) {
      ports.add(https);
    }
    return ports;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static final class RelativeRedirectResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;

    RelativeRedirectResponse(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      super.sendRedirect(relative(request, location));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, isLocation(name) ? relative(request, value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, isLocation(name) ? relative(request, value) : value);
    }

    private static boolean isLocation(String name) {
      return HttpHeaders.LOCATION.equalsIgnoreCase(name);
    }
  }
}
