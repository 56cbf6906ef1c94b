package fr.secondevie.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the log where to click once the application is ready. */
@Component
class StartupMessage {

  private static final Logger LOG = LoggerFactory.getLogger(StartupMessage.class);

  private final Environment environment;

  StartupMessage(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port", "8080");
    String mode = environment.getProperty("secondevie.mode", "embedded");
    long seconds = event.getTimeTaken() == null ? -1 : event.getTimeTaken().toMillis();
    String users =
        "embedded".equals(mode)
            ? " Demo users (password '"
                + environment.getProperty("secondevie.security.demo-password", "demo")
                + "'): gestionnaire, technicien, directeur, acheteur, evaluateur, auditeur, admin."
            : "";
    LOG.info(
        "\n\n  Seconde Vie is ready ({} mode, started in {} ms): open http://localhost:{}/{}\n",
        mode,
        seconds,
        port,
        users);
  }
}
