package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LoginModeTests {

  final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(LoginMode.class);

  @Test
  void shouldRefuseToStartTheDemoModeWithTheCamundaProfile() {
    context
        .withPropertyValues("secondevie.demo.enabled=true", "secondevie.mode=camunda")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("demo mode")
                    .hasMessageContaining("refused with secondevie.mode=camunda"));
  }

  @Test
  void shouldBeOffUnlessAskedFor() {
    context.run(
        started -> {
          assertThat(started.getBean(LoginMode.class).demo()).isFalse();
          assertThat(started.getBean(LoginMode.class).localAccounts()).isTrue();
        });
    context
        .withPropertyValues("secondevie.demo.enabled=true")
        .run(started -> assertThat(started.getBean(LoginMode.class).demo()).isTrue());
  }
}
