package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

@SpringBootTest
@AutoConfigureMockMvc // same configuration as the other tests: one shared context
class SecondeVieApplicationTests {

  @Autowired DataSource dataSource;
  @Autowired EventPublicationRepository publications;
  @Autowired Clock clock;

  @Test
  void startsInEmbeddedModeOnARealMariaDb() {
    String version = new JdbcTemplate(dataSource).queryForObject("SELECT VERSION()", String.class);
    assertThat(version).contains("MariaDB").startsWith("11.4");
  }

  @Test
  void shouldKeepAnIncompletePublicationInTheTableSpringModulithReads() {
    // given: Spring Modulith queries EVENT_PUBLICATION in upper case; MariaDB on Linux is
    // case-sensitive
    TargetEventPublication publication =
        publications.create(
            TargetEventPublication.of(
                "registry check " + UUID.randomUUID(),
                PublicationTargetIdentifier.of("fr.secondevie.SecondeVieApplicationTests.check"),
                clock.instant()));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try {
      // when
      Long incomplete =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE ID = ? AND COMPLETION_DATE IS NULL",
              Long.class,
              publication.getIdentifier().toString());

      // then: the row is there, and the registry finds it among the incomplete ones
      assertThat(incomplete).isEqualTo(1L);
      assertThat(publications.findIncompletePublications())
          .extracting(TargetEventPublication::getIdentifier)
          .contains(publication.getIdentifier());
    } finally {
      publications.deletePublications(List.of(publication.getIdentifier()));
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE ID = ?",
                Long.class,
                publication.getIdentifier().toString()))
        .isZero();
  }

  @Test
  void shouldRunOnTheTestClockInParis() {
    // given: the start instant of this run (-Dsecondevie.test.clock in the time check)
    String property = System.getProperty(TestClock.PROPERTY);
    Instant start = property == null ? TestClock.DEFAULT_START : Instant.parse(property);

    // when / then: the application's clock is the tests' one, never the system clock
    assertThat(clock).isInstanceOf(TestClock.class);
    assertThat(clock.getZone()).hasToString("Europe/Paris");
    assertThat(((TestClock) clock).start()).isEqualTo(start);
  }
}
