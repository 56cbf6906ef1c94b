package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Settings(
              5, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(24), 100),
          clock);

  @Test
  void shouldLockThePairAtTheFifthFailureUntilTheLockEnds() {
    // given
    for (int i = 1; i <= 4; i++) {
      assertThat(throttle.failed("marie", "10.0.0.1")).isEmpty();
      assertThat(throttle.lockedFor("marie", "10.0.0.1")).isEmpty();
    }

    // when
    Optional<Duration> lock = throttle.failed("marie", "10.0.0.1");

    // then
    assertThat(lock).contains(Duration.ofMinutes(15));
    assertThat(throttle.lockedFor("marie", "10.0.0.1")).isPresent();
    assertThat(throttle.lockedFor("MARIE", "10.0.0.1")).as("user names ignore case").isPresent();
    assertThat(throttle.lockedFor("marie", "10.0.0.2")).as("another address").isEmpty();
    assertThat(throttle.lockedFor("paul", "10.0.0.1")).as("another account").isEmpty();
    clock.advance(Duration.ofMinutes(14));
    assertThat(throttle.lockedFor("marie", "10.0.0.1")).isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("marie", "10.0.0.1")).isEmpty();
  }

  @Test
  void shouldDoubleTheLockEachTimeItIsReached() {
    // given
    failFiveTimes("paul");
    clock.advance(Duration.ofMinutes(15));

    // when
    failFiveTimes("paul");

    // then
    assertThat(throttle.lockedFor("paul", "10.0.0.1"))
        .hasValueSatisfying(
            left -> assertThat(left).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30)));
  }

  @Test
  void shouldForgetFailuresOlderThanTheWindow() {
    // given
    for (int i = 1; i <= 4; i++) {
      throttle.failed("lea", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(16));

    // when
    Optional<Duration> lock = throttle.failed("lea", "10.0.0.1");

    // then
    assertThat(lock).isEmpty();
  }

  @Test
  void shouldClearThePairOnSuccess() {
    // given
    for (int i = 1; i <= 4; i++) {
      throttle.failed("jean", "10.0.0.1");
    }

    // when
    throttle.succeeded("jean", "10.0.0.1");

    // then
    assertThat(throttle.failed("jean", "10.0.0.1")).isEmpty();
    assertThat(throttle.tracked()).isEqualTo(1);
  }

  @Test
  void shouldTrackABoundedNumberOfPairsAndKeepTheLockedOnes() {
    // given
    failFiveTimes("locked");

    // when
    for (int i = 0; i < 1000; i++) {
      throttle.failed("user" + i, "10.0.0.1");
    }

    // then
    assertThat(throttle.tracked()).isLessThanOrEqualTo(100);
    assertThat(throttle.lockedFor("locked", "10.0.0.1")).isPresent();
  }

  @Test
  void shouldKeepControlCharactersOfATypedNameOutOfTheLog() {
    assertThat(LoginThrottle.loggable("eve\nFAKE LOG LINE")).isEqualTo("eve?FAKE LOG LINE");
    assertThat(LoginThrottle.loggable("x".repeat(100))).hasSize(65);
  }

  private void failFiveTimes(String username) {
    for (int i = 1; i <= 5; i++) {
      throttle.failed(username, "10.0.0.1");
    }
  }
}
