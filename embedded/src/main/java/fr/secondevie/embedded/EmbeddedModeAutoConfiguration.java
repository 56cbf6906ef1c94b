package fr.secondevie.embedded;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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

  /** Released (destroy method) after the DataSource that depends on it has closed. */
  @Bean(destroyMethod = "release")
  EmbeddedMariaDb embeddedMariaDb(EmbeddedModeProperties properties) {
    return EmbeddedMariaDb.obtain(properties.mariadb());
  }

  @Bean
  DataSource dataSource(EmbeddedMariaDb mariaDb) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("embedded-mariadb");
    dataSource.setJdbcUrl(mariaDb.jdbcUrl());
    dataSource.setUsername(mariaDb.username());
    dataSource.setPassword("");
    dataSource.setMaximumPoolSize(10);
    // as in Camunda mode (spring.datasource.hikari.transaction-isolation in the app's settings)
    dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return dataSource;
  }

  @Bean
  EmbeddedEngineLifecycle embeddedEngineLifecycle(EmbeddedModeProperties properties) {
    return new EmbeddedEngineLifecycle(properties.engine());
  }
}
