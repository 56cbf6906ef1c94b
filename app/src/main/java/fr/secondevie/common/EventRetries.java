package fr.secondevie.common;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Submits again, on schedule, the event publications whose listener failed (the process runtime was
 * down, say): those incomplete for longer than {@code secondevie.events.retry-after} (default 5
 * minutes, well beyond a listener's run), every {@code secondevie.events.retry-every} (default 1
 * minute). The application's start submits them all once as well ({@code
 * spring.modulith.events.republish-outstanding-events-on-restart}). Off with {@code
 * secondevie.events.retries.enabled=false} (the tests, whose contexts share one database).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "secondevie.events.retries.enabled",
    havingValue = "true",
    matchIfMissing = true)
class EventRetries {

  private final IncompleteEventPublications incomplete;
  private final Duration retryAfter;

  EventRetries(
      IncompleteEventPublications incomplete,
      @Value("${secondevie.events.retry-after:PT5M}") Duration retryAfter) {
    this.incomplete = incomplete;
    this.retryAfter = retryAfter;
  }

  @Scheduled(
      initialDelayString = "${secondevie.events.retry-every:PT1M}",
      fixedDelayString = "${secondevie.events.retry-every:PT1M}")
  void resubmit() {
    incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
  }
}
