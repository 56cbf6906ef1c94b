package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTests {

  final MovableClock clock = new MovableClock();
  final VerifiedPasswords verified = new VerifiedPasswords(clock, Duration.ofMinutes(5), 3);

  @Test
  void shouldKnowAPasswordVerifiedAgainstTheSameHashAShortWhileAgo() {
    // given
    verified.remember("marie", "un mot de passe long", "{bcrypt}hash-1");

    // when / then
    assertThat(verified.recentlyVerified("marie", "un mot de passe long", "{bcrypt}hash-1"))
        .isTrue();
    assertThat(verified.recentlyVerified("marie", "un autre mot de passe", "{bcrypt}hash-1"))
        .isFalse();
    assertThat(verified.recentlyVerified("paul", "un mot de passe long", "{bcrypt}hash-1"))
        .isFalse();
  }

  @Test
  void shouldMissOnceThePasswordChangedOrTheEntryExpired() {
    // given
    verified.remember("marie", "un mot de passe long", "{bcrypt}hash-1");

    // when / then
    assertThat(verified.recentlyVerified("marie", "un mot de passe long", "{bcrypt}hash-2"))
        .as("the account has a new hash")
        .isFalse();
    verified.remember("marie", "un mot de passe long", "{bcrypt}hash-2");
    clock.advance(Duration.ofMinutes(5));
    assertThat(verified.recentlyVerified("marie", "un mot de passe long", "{bcrypt}hash-2"))
        .as("expired")
        .isFalse();
  }

  @Test
  void shouldForgetAUserAndStayBounded() {
    // given
    verified.remember("marie", "a-password-1", "h");
    verified.remember("paul", "a-password-2", "h");

    // when
    verified.forget("marie");
    verified.remember("a", "p", "h");
    verified.remember("b", "p", "h");
    verified.remember("c", "p", "h");

    // then
    assertThat(verified.recentlyVerified("marie", "a-password-1", "h")).isFalse();
    assertThat(verified.size()).isEqualTo(3);
    assertThat(verified.recentlyVerified("paul", "a-password-2", "h"))
        .as("least recently used, dropped")
        .isFalse();
  }
}
