package fr.secondevie.inventory.glpi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * GLPI imports belong to the replica that runs them. It beats every {@code
 * secondevie.imports.heartbeat} while they run; a run whose replica stopped beating for {@code
 * secondevie.imports.abandoned-after} is failed by whichever replica sweeps first (an import is all
 * or nothing: nothing of it was written, the user sends the file again). At start, a replica fails
 * what it left unfinished itself.
 *
 * <p>The replica's name is {@code secondevie.replica-id}, by default the host name and the HTTP
 * port, so that a restarted replica recognises its own runs.
 */
@Component
class ImportRunOwnership {

  private static final Logger LOG = LoggerFactory.getLogger(ImportRunOwnership.class);

  private final ImportRunRepository runs;
  private final Clock clock;
  private final String replica;
  private final Duration abandonedAfter;

  ImportRunOwnership(
      ImportRunRepository runs,
      Clock clock,
      Environment environment,
      @Value("${secondevie.imports.abandoned-after:PT2M}") Duration abandonedAfter) {
    this.runs = runs;
    this.clock = clock;
    this.abandonedAfter = abandonedAfter;
    String configured = environment.getProperty("secondevie.replica-id", "").strip();
    this.replica =
        configured.isEmpty()
            ? hostName() + ":" + environment.getProperty("server.port", "8080")
            : configured;
  }

  /** This replica's name, recorded on the runs it starts. */
  String replica() {
    return replica;
  }

  @Scheduled(
      fixedDelayString = "${secondevie.imports.heartbeat:PT30S}",
      initialDelayString = "${secondevie.imports.heartbeat:PT30S}")
  void beat() {
    runs.beat(replica, now());
  }

  @EventListener(ApplicationReadyEvent.class)
  void failOwnLeftovers() {
    int failed = runs.failAbandoned(replica, true, now().minus(abandonedAfter), now());
    if (failed > 0) {
      LOG.warn(
          "{} GLPI import(s) interrupted by the last stop of this replica ({}) or abandoned by"
              + " another one marked as failed",
          failed,
          replica);
    }
  }

  @Scheduled(
      fixedDelayString = "${secondevie.imports.abandoned-sweep:PT1M}",
      initialDelayString = "${secondevie.imports.abandoned-sweep:PT1M}")
  void failAbandoned() {
    int failed = runs.failAbandoned(replica, false, now().minus(abandonedAfter), now());
    if (failed > 0) {
      LOG.warn(
          "{} GLPI import(s) abandoned by a replica that stopped beating for {} marked as failed",
          failed,
          abandonedAfter);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
