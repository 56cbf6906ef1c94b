package fr.secondevie.common;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.IncompleteEventPublications;

class EventRetriesTests {

  @Test
  void shouldSubmitAgainThePublicationsIncompleteForLongerThanTheRetryDelay() {
    // given
    IncompleteEventPublications incomplete = mock(IncompleteEventPublications.class);
    EventRetries retries = new EventRetries(incomplete, Duration.ofMinutes(5));

    // when
    retries.resubmit();

    // then: only those older than the delay (a listener still running is left alone)
    verify(incomplete).resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
  }
}
