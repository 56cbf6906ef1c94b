package fr.secondevie.common;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.NamedInterface;

/**
 * The same job delivered to two workers at once (a job timed out while its first worker still ran):
 * both call an idempotent service with the same operation id in their own transaction. The one that
 * commits second is refused by the database (the operation id's unique key, a version check, a
 * deadlock between the two); called again, its service finds the first delivery's effect by the
 * operation id and returns it. The worker then completes the job with the same answer instead of
 * failing it.
 */
@NamedInterface("api")
public final class Redelivery {

  /** Calls after a refusal: the other delivery has committed or rolled back by then. */
  static final int ATTEMPTS = 3;

  private Redelivery() {}

  /**
   * Runs {@code call} (one transaction of an idempotent service keyed by an operation id) and runs
   * it again, at most {@link #ATTEMPTS} times in all, when the database refuses it because of a
   * concurrent delivery of the same operation. Any other failure is thrown at once.
   */
  public static <T> T once(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException refused) {
        if (attempt >= ATTEMPTS || !concurrent(refused)) {
          throw refused;
        }
      }
    }
  }

  /**
   * A unique key or a lock refused the statement; Spring Data JDBC wraps the refusal in its own
   * exception, which is not a {@code DataAccessException}.
   */
  private static boolean concurrent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException || t instanceof ConcurrencyFailureException) {
        return true;
      }
    }
    return false;
  }
}
