package fr.secondevie.tasks;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * The searches of the open tasks offered to a user: one per role, one for the user as candidate,
 * one for the tasks assigned to the user, sent together and merged.
 */
@Component
class TaskSearches {

  /** Tasks read per search (one search per role, one for the user). */
  static final int SEARCH_LIMIT = 1_000;

  /** The open tasks offered to the user, and whether a search found more than it read. */
  record Offered(List<TaskInfo> tasks, boolean truncated) {}

  private final ExecutorService searches =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "task-searches");
            t.setDaemon(true);
            return t;
          });

  private final TaskRuntime runtime;

  TaskSearches(TaskRuntime runtime) {
    this.runtime = runtime;
  }

  /** The open tasks offered to the user (of one process, or all when null), each once. */
  Offered offered(Viewer viewer, String process) {
    Map<Long, TaskInfo> found = new LinkedHashMap<>();
    boolean truncated = false;
    List<TaskQuery> queries = new ArrayList<>();
    for (String role : viewer.roles()) {
      queries.add(TaskQuery.offeredTo(role, process, SEARCH_LIMIT));
    }
    queries.add(TaskQuery.offeredToUser(viewer.login(), process, SEARCH_LIMIT));
    queries.add(TaskQuery.assignedTo(viewer.login(), process, SEARCH_LIMIT));
    for (TaskSearchResult result : searchAll(queries)) {
      truncated |= result.total() > result.tasks().size();
      for (TaskInfo task : result.tasks()) {
        if (task.isOpen() && viewer.mayWork(task)) {
          found.putIfAbsent(task.key(), task);
        }
      }
    }
    return new Offered(List.copyOf(found.values()), truncated);
  }

  /**
   * The searches sent together (the menu's counter runs three or more on every page): the first in
   * this thread, the others on {@link #searches}; results in the order of the queries, the first
   * failure thrown as the runtime threw it.
   */
  private List<TaskSearchResult> searchAll(List<TaskQuery> queries) {
    List<CompletableFuture<TaskSearchResult>> others = new ArrayList<>();
    for (TaskQuery query : queries.subList(1, queries.size())) {
      others.add(CompletableFuture.supplyAsync(() -> runtime.search(query), searches));
    }
    List<TaskSearchResult> results = new ArrayList<>();
    results.add(runtime.search(queries.get(0)));
    for (CompletableFuture<TaskSearchResult> other : others) {
      try {
        results.add(other.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
    return results;
  }

  @PreDestroy
  void stopSearches() {
    searches.shutdownNow();
  }
}
