package fr.secondevie.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks the way concurrent job workers do, for the tests of what they write at once. */
public final class Concurrently {

  private Concurrently() {}

  /**
   * Runs the tasks from {@code threads} threads released together; once all have ended, returns
   * their results in order or rethrows the first failure (a failed task must not leave others
   * writing into the next test).
   */
  public static <T> List<T> run(int threads, List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(0, TimeUnit.SECONDS));
    }
    return results;
  }
}
