package fr.secondevie;

import java.time.Clock;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Seconde Vie: the responsible end of life of a hospital's IT equipment, on Camunda 8.
 *
 * <p>Runs in embedded mode by default (in-process MariaDB and engine, from the {@code embedded}
 * module on the runtime classpath) or, with the {@code camunda} profile, against a Camunda 8.8
 * cluster and an external MariaDB. The application code is the same in both.
 *
 * <p>At startup the process models, decisions and forms packaged from {@code bpmn/} and {@code
 * forms/} are deployed to the runtime unless it already runs a newer version of them (module {@code
 * models}: a version deployed by a process owner is never reverted).
 */
@SpringBootApplication
public class SecondeVieApplication {

  public static void main(String[] args) {
    // Instants are stored in UTC; pages convert to Europe/Paris for display.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    SpringApplication.run(SecondeVieApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
