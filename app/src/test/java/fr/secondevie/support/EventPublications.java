package fr.secondevie.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * Reads Spring Modulith's event publication registry (table {@code EVENT_PUBLICATION}, shared by
 * every context of the test JVM): the publications of one event (events are records, compared by
 * value), waiting for their listeners, which run after the commit on another thread.
 */
public final class EventPublications {

  private final EventPublicationRegistry registry;
  private final CompletedEventPublications completed;
  private final IncompleteEventPublications incomplete;

  public EventPublications(
      EventPublicationRegistry registry,
      CompletedEventPublications completed,
      IncompleteEventPublications incomplete) {
    this.registry = registry;
    this.completed = completed;
    this.incomplete = incomplete;
  }

  /** Every publication of that event, completed or not. */
  public List<EventPublication> of(Object event) {
    List<EventPublication> found = new ArrayList<>();
    completed.findAll().stream().filter(p -> event.equals(p.getEvent())).forEach(found::add);
    registry.findIncompletePublications().stream()
        .filter(p -> event.equals(p.getEvent()))
        .forEach(found::add);
    return found;
  }

  /** The publications of that event whose listener has not succeeded (yet). */
  public List<EventPublication> incompleteOf(Object event) {
    return registry.findIncompletePublications().stream()
        .filter(p -> event.equals(p.getEvent()))
        .map(EventPublication.class::cast)
        .toList();
  }

  /**
   * Waits until each event was published and all its publications completed (their listeners
   * succeeded); a publication that stays incomplete fails the test after the time-out.
   */
  public void awaitCompleted(Object... events) {
    for (Object event : events) {
      await()
          .atMost(Duration.ofSeconds(30))
          .alias("publications of " + event + " completed")
          .until(() -> !of(event).isEmpty() && incompleteOf(event).isEmpty());
    }
  }

  /**
   * Waits until no publication of an event matching {@code events} is incomplete: a test calls it
   * after itself, so that no listener of its events still runs (and calls its mocks) during the
   * next test.
   */
  public void awaitNoneIncomplete(java.util.function.Predicate<Object> events) {
    await()
        .atMost(Duration.ofSeconds(30))
        .alias("no incomplete publication left")
        .until(
            () ->
                registry.findIncompletePublications().stream()
                    .noneMatch(p -> events.test(p.getEvent())));
  }

  /**
   * Waits until the listener of each event has run and failed: the publication stays incomplete and
   * was attempted (Spring Modulith leaves a failed publication incomplete, as a crash would).
   */
  public void awaitIncomplete(Object event, Runnable attempted) {
    await()
        .atMost(Duration.ofSeconds(30))
        .alias("publication of " + event + " attempted")
        .untilAsserted(attempted::run);
    await()
        .atMost(Duration.ofSeconds(30))
        .alias("publication of " + event + " still incomplete")
        .until(() -> incompleteOf(event).size() == 1);
  }

  /**
   * Submits every incomplete publication of that event to its listener again, as the application
   * does at its next start ({@code spring.modulith.events.republish-outstanding-events-on-restart})
   * and on schedule.
   */
  public void resubmit(Object event) {
    incomplete.resubmitIncompletePublications(p -> event.equals(p.getEvent()));
  }
}
