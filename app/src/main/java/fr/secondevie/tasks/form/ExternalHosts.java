package fr.secondevie.tasks.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hosts whose content a form may show: iframes ({@code https} only, as form-js) and images
 * ({@code http(s)}, as form-js; {@code data:} images need no host). Configured by {@code
 * secondevie.forms.allowed-hosts} (host names, e.g. {@code intranet.chu.fr}); empty by default, so
 * that no task page loads anything from elsewhere unless the administrator says so. The task page's
 * Content-Security-Policy lets exactly these hosts in.
 */
public record ExternalHosts(Set<String> hosts) {

  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\\d{1,5})?");
  private static final Pattern IMAGE_SOURCE =
      Pattern.compile("^(https?|data):.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern FRAME_SOURCE =
      Pattern.compile("^https://.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  public ExternalHosts {
    Set<String> clean = new LinkedHashSet<>();
    for (String host : hosts) {
      String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
      if (h.isEmpty()) {
        continue;
      }
      if (!HOST.matcher(h).matches()) {
        throw new IllegalArgumentException(
            "secondevie.forms.allowed-hosts : « " + host + " » n'est pas un nom d'hôte");
      }
      clean.add(h);
    }
    hosts = Set.copyOf(clean);
  }

  public static ExternalHosts none() {
    return new ExternalHosts(Set.of());
  }

  public static ExternalHosts of(List<String> hosts) {
    return new ExternalHosts(new LinkedHashSet<>(hosts));
  }

  /** The host (and port) of an address, lower case, or null when it has none. */
  static String hostOf(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getHost() == null) {
        return null;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  boolean allows(String url) {
    String host = hostOf(url);
    return host != null && hosts.contains(host);
  }

  /** Whether form-js would show this image source at all ({@code http(s)} or {@code data:}). */
  static boolean imageSource(String source) {
    return source != null && IMAGE_SOURCE.matcher(source).matches();
  }

  /** Whether form-js would load this iframe address at all ({@code https} only). */
  static boolean frameSource(String url) {
    return url != null && FRAME_SOURCE.matcher(url).matches();
  }

  /** The CSP source list of these hosts ({@code https://host}), empty when there is none. */
  public String cspSources(boolean plainHttpToo) {
    StringBuilder sources = new StringBuilder();
    for (String host : hosts.stream().sorted().toList()) {
      sources.append(" https://").append(host);
      if (plainHttpToo) {
        sources.append(" http://").append(host);
      }
    }
    return sources.toString();
  }
}
