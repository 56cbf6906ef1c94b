package fr.secondevie.engine.processing;

import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.Job;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Activates jobs for workers: on request, for long-polling requests waiting for a job of their
 * type, and for open job streams. Runs on the processing thread only; after each command the engine
 * calls {@link #dispatch} so that new activatable jobs reach waiting workers at once.
 */
final class JobDispatcher {

  /** A long-polling ActivateJobs request still waiting. */
  record Poll(
      ActivatedJob.Request request, Consumer<List<ActivatedJob>> respond, BooleanSupplier open) {}

  /** An open StreamActivatedJobs call. */
  record Stream(ActivatedJob.Request request, Consumer<ActivatedJob> push, BooleanSupplier open) {}

  private final EngineContext ctx;
  private final Map<String, Deque<Poll>> polls = new HashMap<>();
  private final Map<String, List<Stream>> streams = new HashMap<>();
  private final Map<String, Integer> nextStream = new HashMap<>();

  JobDispatcher(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Activates up to {@code maxJobs} activatable jobs of the type, oldest first. */
  List<ActivatedJob> activate(ActivatedJob.Request request) {
    NavigableSet<Long> activatable = ctx.state().jobs().activatable(request.type());
    List<Long> keys = new ArrayList<>();
    for (Iterator<Long> it = activatable.iterator();
        it.hasNext() && keys.size() < request.maxJobs(); ) {
      keys.add(it.next());
    }
    List<ActivatedJob> activated = new ArrayList<>(keys.size());
    long deadline = ctx.now() + request.timeout();
    for (long key : keys) {
      Job job = ctx.state().jobs().get(key);
      ctx.write(
          key, ValueType.JOB, Intent.ACTIVATED, job.value().activated(request.worker(), deadline));
      activated.add(
          new ActivatedJob(
              key,
              job.value(),
              ctx.state()
                  .variables()
                  .visible(job.value().elementInstanceKey(), request.fetchVariables())));
    }
    return activated;
  }

  void addPoll(Poll poll) {
    polls.computeIfAbsent(poll.request().type(), t -> new ArrayDeque<>()).add(poll);
  }

  /** The request timeout of a long poll elapsed: it answers with no job. */
  void expire(Poll poll) {
    Deque<Poll> waiting = polls.get(poll.request().type());
    if (waiting != null && waiting.remove(poll)) {
      poll.respond().accept(List.of());
    }
  }

  void addStream(Stream stream) {
    streams.computeIfAbsent(stream.request().type(), t -> new ArrayList<>()).add(stream);
    serveStreams(stream.request().type());
  }

  void removeStream(Stream stream) {
    List<Stream> ofType = streams.get(stream.request().type());
    if (ofType != null) {
      ofType.remove(stream);
    }
  }

  /** Hands the jobs that became activatable to open streams, then to waiting polls. */
  void dispatch() {
    for (String type : ctx.state().jobs().drainNewlyActivatableTypes()) {
      serveStreams(type);
      servePolls(type);
    }
  }

  private void serveStreams(String type) {
    List<Stream> open = streams.get(type);
    if (open == null) {
      return;
    }
    open.removeIf(s -> !s.open().getAsBoolean());
    while (!open.isEmpty() && !ctx.state().jobs().activatable(type).isEmpty()) {
      int index = nextStream.merge(type, 1, Integer::sum) % open.size();
      Stream stream = open.get(index);
      List<ActivatedJob> jobs =
          activate(
              new ActivatedJob.Request(
                  type,
                  stream.request().worker(),
                  stream.request().timeout(),
                  1,
                  stream.request().fetchVariables()));
      jobs.forEach(stream.push());
    }
  }

  private void servePolls(String type) {
    Deque<Poll> waiting = polls.get(type);
    while (waiting != null
        && !waiting.isEmpty()
        && !ctx.state().jobs().activatable(type).isEmpty()) {
      Poll poll = waiting.poll();
      if (!poll.open().getAsBoolean()) {
        continue;
      }
      List<ActivatedJob> jobs = activate(poll.request());
      poll.respond().accept(jobs);
    }
  }
}
