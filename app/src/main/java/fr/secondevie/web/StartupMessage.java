package fr.secondevie.web;

import fr.secondevie.common.Prerequisite;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the log where to click once the application is ready (never a password). */
@Component
class StartupMessage {

  private static final Logger LOG = LoggerFactory.getLogger(StartupMessage.class);

  private final Environment environment;
  private final Prerequisites prerequisites;

  StartupMessage(Environment environment, Prerequisites prerequisites) {
    this.environment = environment;
    this.prerequisites = prerequisites;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port", "8080");
    String mode = environment.getProperty("secondevie.mode", "embedded");
    long seconds = event.getTimeTaken() == null ? -1 : event.getTimeTaken().toMillis();
    // never a password here: the demo one is in the README, a real one in no log
    String users =
        "embedded".equals(mode)
                && environment.getProperty("secondevie.demo.enabled", Boolean.class, false)
            ? " DEMO MODE, not for real data: users gestionnaire, technicien, directeur,"
                + " acheteur, evaluateur, auditeur, admin share the demo password (README)."
            : "";
    LOG.info(
        "\n\n  Seconde Vie is ready ({} mode, started in {} ms): open http://localhost:{}/{}\n",
        mode,
        seconds,
        port,
        users);
    List<Prerequisite> missing = prerequisites.missing();
    for (Prerequisite p : missing) {
      LOG.warn("Not ready: {} {} Fix: {}", p.what(), p.consequence(), p.fixPath());
    }
    if (!missing.isEmpty()) {
      LOG.warn(
          "{} prerequisite(s) missing: the administrator's home page lists them.", missing.size());
    }
  }
}
