package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class SessionAccessWritesTest {

  static final Instant READ_AT = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void shouldMoveTheStoredLastAccessOnlyOnceItIsAMinuteOld() {
    // given: a session read from the database
    MapSession stored = new MapSession("s-1");
    stored.setLastAccessedTime(READ_AT);
    SessionAccessWrites.LazySession session = new SessionAccessWrites.LazySession(stored, false);

    // when: accessed 59 s later
    session.setLastAccessedTime(READ_AT.plusSeconds(59));

    // then: answered exactly, nothing to write
    assertThat(session.getLastAccessedTime()).isEqualTo(READ_AT.plusSeconds(59));
    assertThat(stored.getLastAccessedTime()).isEqualTo(READ_AT);
    assertThat(session.dirty()).isFalse();

    // when: accessed a minute later
    session.setLastAccessedTime(READ_AT.plus(SessionAccessWrites.ACCESS_PRECISION));

    // then: written
    assertThat(stored.getLastAccessedTime())
        .isEqualTo(READ_AT.plus(SessionAccessWrites.ACCESS_PRECISION));
    assertThat(session.dirty()).isTrue();
  }

  @Test
  void shouldWriteEveryChangeOfAttributeIdOrTimeoutAndEveryNewSession() {
    MapSession stored = new MapSession("s-2");
    stored.setLastAccessedTime(READ_AT);

    SessionAccessWrites.LazySession attribute = new SessionAccessWrites.LazySession(stored, false);
    attribute.setAttribute("a", "b");
    assertThat(attribute.dirty()).isTrue();
    assertThat(stored.<String>getAttribute("a")).isEqualTo("b");

    SessionAccessWrites.LazySession removed = new SessionAccessWrites.LazySession(stored, false);
    removed.removeAttribute("a");
    assertThat(removed.dirty()).isTrue();

    SessionAccessWrites.LazySession renamed = new SessionAccessWrites.LazySession(stored, false);
    renamed.changeSessionId();
    assertThat(renamed.dirty()).isTrue();

    SessionAccessWrites.LazySession timeout = new SessionAccessWrites.LazySession(stored, false);
    timeout.setMaxInactiveInterval(Duration.ofMinutes(5));
    assertThat(timeout.dirty()).isTrue();

    assertThat(new SessionAccessWrites.LazySession(new MapSession(), true).dirty()).isTrue();
    assertThat(new SessionAccessWrites.LazySession(stored, false).dirty()).isFalse();
  }
}
