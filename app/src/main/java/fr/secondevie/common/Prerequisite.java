package fr.secondevie.common;

import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * Something a process needs before its first run that is not in place yet, said before it turns
 * into an incident: what is missing, what happens without it, and the page that fixes it.
 *
 * @param what what is missing (French, for the administrator)
 * @param consequence what the processes do without it
 * @param fixPath the application page where it is set up, or the configuration property to set
 */
@NamedInterface("api")
public record Prerequisite(String what, String consequence, String fixPath) {

  public Prerequisite {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(consequence, "consequence");
    Objects.requireNonNull(fixPath, "fixPath");
  }

  /** True when {@link #fixPath()} is a page of the application, false for a setting. */
  public boolean isPage() {
    return fixPath.startsWith("/");
  }
}
