package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded mode backs off entirely in Camunda mode (no MariaDB, no engine). */
class EmbeddedModeAutoConfigurationTests {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(EmbeddedModeAutoConfiguration.class));

  @Test
  void startsNothingInCamundaMode() {
    runner
        .withPropertyValues("secondevie.mode=camunda")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(EmbeddedMariaDb.class);
              assertThat(context).doesNotHaveBean(EmbeddedEngineLifecycle.class);
              assertThat(context).doesNotHaveBean(javax.sql.DataSource.class);
            });
  }
}
