package fr.secondevie.security;

import org.springframework.modulith.NamedInterface;

/**
 * The application's Content-Security-Policy, widened for one page that must show content from
 * configured hosts (a task form's images and iframes, {@code secondevie.forms.allowed-hosts}):
 * everything else stays as strict as on every other page.
 */
@NamedInterface("api")
public final class ContentSecurity {

  private ContentSecurity() {}

  /**
   * The policy with extra image sources ({@code data:} and hosts) and frame sources.
   *
   * @param imageSources space-separated CSP sources added to {@code img-src}, may be empty
   * @param frameSources space-separated CSP sources for {@code frame-src}, may be empty (then no
   *     frame at all)
   */
  public static String withSources(String imageSources, String frameSources) {
    String policy =
        WebHeaders.CONTENT_SECURITY_POLICY.replace(
            "img-src 'self';", "img-src 'self'" + prefixed(imageSources) + ";");
    return policy
        + "; frame-src "
        + (frameSources == null || frameSources.isBlank() ? "'none'" : frameSources.strip());
  }

  private static String prefixed(String sources) {
    return sources == null || sources.isBlank() ? "" : " " + sources.strip();
  }
}
