package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@AutoConfigureMockMvc // same configuration as the other tests: one shared context
class SecondeVieApplicationTests {

  @Autowired DataSource dataSource;

  @Test
  void startsInEmbeddedModeOnARealMariaDb() {
    String version = new JdbcTemplate(dataSource).queryForObject("SELECT VERSION()", String.class);
    assertThat(version).contains("MariaDB").startsWith("11.4");
  }

  @Test
  void theEventPublicationRegistryFindsItsTable() {
    // Spring Modulith queries EVENT_PUBLICATION in upper case; MariaDB on Linux is case-sensitive.
    Long incomplete =
        new JdbcTemplate(dataSource)
            .queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Long.class);
    assertThat(incomplete).isNotNull();
  }
}
