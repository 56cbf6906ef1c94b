package fr.secondevie.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessException;

/**
 * The same job delivered to two workers at the same instant, as after a job timeout while the first
 * worker still runs: two threads released together ({@link Concurrently}) call the worker with the
 * same job.
 *
 * <p>Each delivery either answers, or is refused by the database (a unique operation id or a
 * version check: the Camunda client then fails that delivery, which the runtime ignores once the
 * other completed the job). The tests assert the effect is written once either way.
 */
public final class DoubleDelivery {

  private DoubleDelivery() {}

  /** What one delivery did: its answer, or the exception it ended with. */
  public record Outcome<T>(T answer, Exception failure) {

    public boolean answered() {
      return failure == null;
    }
  }

  /** Calls {@code worker} from two threads released together; returns both outcomes. */
  public static <T> List<Outcome<T>> twiceAtOnce(Callable<T> worker) throws Exception {
    Callable<Outcome<T>> delivery =
        () -> {
          try {
            return new Outcome<>(worker.call(), null);
          } catch (Exception e) {
            return new Outcome<>(null, e);
          }
        };
    return Concurrently.run(2, List.of(delivery, delivery));
  }

  /**
   * The answers of the deliveries that answered, after checking that at least one did and that a
   * refused one was refused by the database (never another error).
   */
  public static <T> List<T> answers(List<Outcome<T>> outcomes) {
    List<T> answers = new ArrayList<>();
    for (Outcome<T> outcome : outcomes) {
      if (outcome.answered()) {
        answers.add(outcome.answer());
      } else {
        assertThat(refusedByTheDatabase(outcome.failure()))
            .as("a delivery failed otherwise than by a database refusal: %s", outcome.failure())
            .isTrue();
      }
    }
    assertThat(answers).as("deliveries that answered").isNotEmpty();
    return answers;
  }

  /**
   * Checks that every delivery answered (none refused, not even by the database: the second
   * delivery finds the first one's effect and completes the job with it); returns the answers.
   */
  public static <T> List<T> allAnswered(List<Outcome<T>> outcomes) {
    for (Outcome<T> outcome : outcomes) {
      assertThat(outcome.failure()).as("a delivery failed: %s", causes(outcome.failure())).isNull();
    }
    return outcomes.stream().map(Outcome::answer).toList();
  }

  private static String causes(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().startsWith("fr.secondevie")) {
          text.append("\n    at ").append(frame);
        }
      }
    }
    return text.toString();
  }

  private static boolean refusedByTheDatabase(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException) {
        return true;
      }
    }
    return false;
  }
}
