package fr.secondevie.embedded;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded run mode, the default: a MariaDB and the engine in-process, nothing to install.
 *
 * <p>Active unless {@code secondevie.mode} is something other than {@code embedded}; the {@code
 * camunda} profile of the application sets it to {@code camunda}, and then none of this starts: the
 * application uses {@code SPRING_DATASOURCE_*} and {@code CAMUNDA_CLIENT_*} instead.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(
    prefix = "secondevie",
    name = "mode",
    havingValue = "embedded",
    matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedModeProperties.class)
public class EmbeddedModeAutoConfiguration {

  /**
   * Released (destroy method) after the DataSource that depends on it has closed. Before the server
   * starts, the data directories are checked: none under the temporary directory, and the engine
   * journal and the MariaDB data belong to the same installation ({@link InstallationCheck}).
   */
  @Bean(destroyMethod = "release")
  EmbeddedMariaDb embeddedMariaDb(EmbeddedModeProperties properties) {
    EmbeddedModeProperties.MariaDb mariaDb = properties.mariadb();
    EmbeddedModeProperties.Engine engine = properties.engine();
    boolean engineJournal = engine.enabled() && !engine.ephemeral();
    if (engineJournal) {
      TemporaryDirectoryRule.refuseTemporary(
          engine.dataDir(), "secondevie.embedded.engine.data-dir", "The engine data directory");
    }
    if (!mariaDb.ephemeral()) {
      TemporaryDirectoryRule.refuseTemporary(
          mariaDb.dataDir(), "secondevie.embedded.mariadb.data-dir", "The MariaDB data directory");
      if (engineJournal) {
        InstallationCheck.check(mariaDb.dataDir(), engine.dataDir());
      }
    }
    return EmbeddedMariaDb.obtain(mariaDb);
  }

  /** The application's pool connects with the application account (no DDL). */
  @Bean
  DataSource dataSource(EmbeddedMariaDb mariaDb) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("embedded-mariadb");
    dataSource.setJdbcUrl(mariaDb.jdbcUrl());
    dataSource.setUsername(mariaDb.applicationAccount().username());
    dataSource.setPassword(mariaDb.applicationAccount().password());
    dataSource.setMaximumPoolSize(10);
    // few idle connections per pool: a test JVM holds many Spring contexts on one server
    dataSource.setMinimumIdle(2);
    // as in Camunda mode (spring.datasource.hikari.transaction-isolation in the app's settings)
    dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return dataSource;
  }

  /**
   * Flyway migrates with the owner account, which may create tables and triggers. The class repeats
   * the mode's condition: the application's component scan ({@code fr.secondevie}) finds this
   * nested configuration on its own, where the enclosing class's condition does not apply, and in
   * camunda mode it then wanted an {@link EmbeddedMariaDb} that does not exist (the packaged jar
   * did not start; found by the production-like run).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
  @ConditionalOnProperty(
      prefix = "secondevie",
      name = "mode",
      havingValue = "embedded",
      matchIfMissing = true)
  static class OwnerRunsTheMigrations {

    @Bean
    FlywayConnectionDetails flywayConnectionDetails(EmbeddedMariaDb mariaDb) {
      return new FlywayConnectionDetails() {
        @Override
        public String getUsername() {
          return mariaDb.ownerAccount().username();
        }

        @Override
        public String getPassword() {
          return mariaDb.ownerAccount().password();
        }

        @Override
        public String getJdbcUrl() {
          return mariaDb.jdbcUrl();
        }

        @Override
        public String getDriverClassName() {
          return "org.mariadb.jdbc.Driver";
        }
      };
    }
  }

  @Bean
  EmbeddedEngineLifecycle embeddedEngineLifecycle(EmbeddedModeProperties properties) {
    return new EmbeddedEngineLifecycle(properties.engine());
  }
}
