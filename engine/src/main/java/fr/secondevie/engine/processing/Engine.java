package fr.secondevie.engine.processing;

import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.dmn.DecisionEngine;
import fr.secondevie.engine.dmn.ParsedDrg;
import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.model.BpmnTransformer;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.processing.bpmn.ProcessInstanceListener;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.KeyGenerator;
import fr.secondevie.engine.record.ModelParser;
import fr.secondevie.engine.record.PurgeValue;
import fr.secondevie.engine.record.RecordStore;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.Due;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.EngineState;
import fr.secondevie.engine.util.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing loop: one thread takes commands from a queue and runs them one at a time; between
 * commands it fires what became due on the engine clock (timers, job deadlines and back-offs,
 * message time-to-live) and hands new jobs to waiting workers. Nothing else writes, so execution is
 * deterministic for a given order of commands.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final long MAX_IDLE_MILLIS = 1_000;
  private static final int MAX_GROUP_COMMIT = 64;

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;
  private final JobDispatcher dispatcher;
  private final Map<Long, List<ResultWaiter>> waiters = new HashMap<>();
  private final Set<Long> waitingTimers = new HashSet<>();
  private final ScheduledExecutorService timeouts;
  private final Thread thread;
  private final Commands commands;
  final DeploymentProcessor deployments;
  final ProcessInstanceProcessor instances;
  final JobProcessor jobs;
  final MessageProcessor messages;
  final IncidentProcessor incidents;
  final UserTaskProcessor userTasks;
  private volatile boolean running;
  private volatile boolean started;
  private final boolean durable;
  private int unsynced;

  /** A CreateProcessInstanceWithResult call waiting for the end of its instance. */
  record ResultWaiter(List<String> fetchVariables, Consumer<Map<String, Object>> onCompleted) {}

  public Engine(ControlledClock clock, RecordStore store) {
    this.ctx =
        new EngineContext(
            clock,
            new KeyGenerator(),
            store,
            new EngineState(),
            new History(),
            new ExpressionLanguage(clock),
            new DecisionEngine(clock));
    this.durable = store.durable();
    this.bpmn = new BpmnBehaviors(ctx);
    this.bpmn.listener(new Waiters());
    this.dispatcher = new JobDispatcher(ctx);
    this.deployments = new DeploymentProcessor(ctx, bpmn);
    this.instances = new ProcessInstanceProcessor(ctx, bpmn);
    this.jobs = new JobProcessor(ctx, bpmn);
    this.messages = new MessageProcessor(ctx, bpmn);
    this.incidents = new IncidentProcessor(ctx, bpmn);
    this.userTasks = new UserTaskProcessor(ctx, bpmn);
    this.commands = new Commands(this);
    this.timeouts =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "engine-timeouts");
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::run, "engine-processor");
    this.thread.setDaemon(true);
    clock.onChange(this::wakeUp);
  }

  /**
   * Replays what the store already holds (a journal written by an engine before this one), then
   * starts the processing loop. Replaying applies each record to the state and the history exactly
   * as when it was written, without running any behaviour; timers, job deadlines and back-offs and
   * message time-to-live are then found in the state by the loop, as for records written live.
   */
  public void start() {
    replay();
    started = true;
    running = true;
    thread.start();
  }

  private void replay() {
    RecordStore store = ctx.store();
    long begin = System.nanoTime();
    store.load(new Models());
    long loaded = System.nanoTime();
    long[] count = {0};
    store.forEach(
        1,
        record -> {
          ctx.replay(record);
          count[0]++;
        });
    ctx.observeKey(store.lastKey());
    if (count[0] > 0) {
      long millis = (System.nanoTime() - begin) / 1_000_000;
      LOG.info(
          "Replayed {} records in {} ms ({} records/s; read {} ms, applied {} ms)",
          count[0],
          millis,
          count[0] * 1000 / Math.max(1, millis),
          (loaded - begin) / 1_000_000,
          (System.nanoTime() - loaded) / 1_000_000);
    }
  }

  public Commands commands() {
    return commands;
  }

  public History history() {
    return ctx.history();
  }

  public ControlledClock clock() {
    return ctx.clock();
  }

  // ---- submitting work (any thread)

  /** Runs a command on the processing thread; the future completes once its steps all ran. */
  <T> CompletableFuture<T> submit(Supplier<Result<T>> command) {
    CompletableFuture<T> future = new CompletableFuture<>();
    queue.add(
        () -> {
          Result<T> result;
          try {
            result = command.get();
            ctx.runFollowUps();
            ctx.commit();
          } catch (RuntimeException | StackOverflowError e) {
            future.completeExceptionally(e);
            throw e;
          }
          Runnable answer =
              result.isRejected()
                  ? () -> future.completeExceptionally(result.rejection())
                  : () -> future.complete(result.value());
          if (durable) {
            // group commit: answered once the journal holding the command is forced to disk
            ctx.afterCommand(answer);
          } else {
            answer.run();
          }
        });
    return future;
  }

  /** Runs a step on the processing thread (for work that answers by itself, like long polls). */
  void execute(Runnable step) {
    queue.add(
        () -> {
          step.run();
          ctx.runFollowUps();
          ctx.commit();
        });
  }

  void schedule(Runnable task, long delayMillis) {
    timeouts.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  EngineContext context() {
    return ctx;
  }

  BpmnBehaviors bpmn() {
    return bpmn;
  }

  JobDispatcher dispatcher() {
    return dispatcher;
  }

  void awaitResult(long processInstanceKey, ResultWaiter waiter) {
    waiters.computeIfAbsent(processInstanceKey, k -> new ArrayList<>()).add(waiter);
  }

  void forgetWaiter(long processInstanceKey, ResultWaiter waiter) {
    List<ResultWaiter> list = waiters.get(processInstanceKey);
    if (list != null) {
      list.remove(waiter);
    }
  }

  /** Deletes everything: runtime state, history, deployments and the log. */
  void purge() {
    ctx.write(ctx.nextKey(), ValueType.PURGE, Intent.DELETED, new PurgeValue());
    ctx.store().clear();
  }

  private void wakeUp() {
    queue.add(() -> {});
  }

  // ---- the loop (processing thread)

  private void run() {
    while (running) {
      try {
        Runnable task = queue.poll(idleMillis(), TimeUnit.MILLISECONDS);
        if (task != null) {
          runSafely(task);
        }
        fireDue();
        dispatcher.dispatch();
        ctx.commit();
        // answers and pushes wait until the records behind them are durable; with a journal, one
        // fsync covers every command processed while others were queued (group commit)
        if (!durable || queue.isEmpty() || ++unsynced >= MAX_GROUP_COMMIT) {
          ctx.store().sync();
          unsynced = 0;
          ctx.runSideEffects();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | StackOverflowError e) {
        LOG.error("Unexpected failure in the processing loop", e);
      }
    }
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | StackOverflowError e) {
      // a bug in a behaviour: log it and keep serving the other commands
      LOG.error("Unexpected failure while processing a command", e);
    }
  }

  private long idleMillis() {
    long next = Long.MAX_VALUE;
    EngineState state = ctx.state();
    for (Due due :
        new Due[] {
          state.timers().next(waitingTimers),
          state.jobs().nextDeadline(),
          state.jobs().nextBackoff(),
          state.messages().nextDeadline()
        }) {
      if (due != null) {
        next = Math.min(next, due.time());
      }
    }
    long wait = next == Long.MAX_VALUE ? MAX_IDLE_MILLIS : next - ctx.now();
    return Math.max(0, Math.min(wait, MAX_IDLE_MILLIS));
  }

  /**
   * Fires everything due at the current engine time, each as its own step. A timer of an element
   * that is not active stays and is tried again after the next command.
   */
  private void fireDue() {
    long now = ctx.now();
    EngineState state = ctx.state();
    waitingTimers.removeIf(key -> state.timers().get(key) == null);
    for (Due due : state.timers().dueBy(now)) {
      runSafely(
          () -> {
            if (bpmn.triggers().timerDue(due.key())) {
              waitingTimers.remove(due.key());
              ctx.runFollowUps();
            } else {
              // its element is not active (an incident holds it): Camunda rejects the trigger and
              // keeps the timer, so it is tried again after each command, without spinning
              waitingTimers.add(due.key());
            }
          });
    }
    fireAll(state.jobs()::nextDeadline, now, jobs::timeOut);
    fireAll(state.jobs()::nextBackoff, now, jobs::recur);
    fireAll(state.messages()::nextDeadline, now, messages::expire);
  }

  private void fireAll(Supplier<Due> next, long now, LongConsumer fire) {
    Set<Long> fired = new HashSet<>();
    for (Due due; (due = next.get()) != null && due.time() <= now && fired.add(due.key()); ) {
      long key = due.key();
      runSafely(() -> fire.accept(key));
    }
  }

  @Override
  public void close() {
    running = false;
    wakeUp();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timeouts.shutdownNow();
    if (started && !thread.isAlive()) {
      ctx.commit();
    }
    ctx.store().close();
  }

  /** Transforms deployed resources again for a journal that is read back. */
  private final class Models implements ModelParser {
    private final BpmnTransformer transformer = new BpmnTransformer(ctx.expressions());

    @Override
    public List<ExecutableProcess> processes(byte[] resource) {
      Either<List<ExecutableProcess>> processes = transformer.transform(resource);
      if (!processes.isOk()) {
        throw new IllegalStateException(
            "Expected a deployed BPMN resource to transform again but " + processes.failure());
      }
      return processes.value();
    }

    @Override
    public ParsedDrg decisionRequirements(byte[] resource) {
      Either<ParsedDrg> drg = ctx.decisions().parse(resource);
      if (!drg.isOk()) {
        throw new IllegalStateException(
            "Expected a deployed DMN resource to parse again but " + drg.failure());
      }
      return drg.value();
    }
  }

  /** Answers CreateProcessInstanceWithResult when the instance completes. */
  private final class Waiters implements ProcessInstanceListener {
    @Override
    public void completed(ElementInstance processInstance, Map<String, Object> variables) {
      List<ResultWaiter> list = waiters.remove(processInstance.key());
      if (list == null) {
        return;
      }
      for (ResultWaiter waiter : list) {
        Map<String, Object> fetched = new LinkedHashMap<>();
        variables.forEach(
            (name, value) -> {
              if (waiter.fetchVariables().isEmpty() || waiter.fetchVariables().contains(name)) {
                fetched.put(name, value);
              }
            });
        ctx.afterCommand(() -> waiter.onCompleted().accept(fetched));
      }
    }

    @Override
    public void terminated(ElementInstance processInstance) {
      waiters.remove(processInstance.key());
    }
  }
}
