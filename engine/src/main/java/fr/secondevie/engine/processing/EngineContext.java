package fr.secondevie.engine.processing;

import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.dmn.DecisionEngine;
import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.KeyGenerator;
import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.RecordStore;
import fr.secondevie.engine.record.RecordValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.EngineState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What processing code works with: the clock, keys, the state to read, and {@link #write}, the only
 * way to change anything. Follow-up steps (activating the target of a taken flow, ...) are queued
 * and run in order before the command completes, which keeps the stack flat and the order
 * deterministic.
 */
public final class EngineContext {

  private final ControlledClock clock;
  private final KeyGenerator keys;
  private final RecordStore store;
  private final EngineState state;
  private final History history;
  private final ExpressionLanguage expressions;
  private final DecisionEngine decisions;
  private final Deque<Runnable> followUps = new ArrayDeque<>();
  private final List<Runnable> sideEffects = new ArrayList<>();

  EngineContext(
      ControlledClock clock,
      KeyGenerator keys,
      RecordStore store,
      EngineState state,
      History history,
      ExpressionLanguage expressions,
      DecisionEngine decisions) {
    this.clock = clock;
    this.keys = keys;
    this.store = store;
    this.state = state;
    this.history = history;
    this.expressions = expressions;
    this.decisions = decisions;
  }

  /** Appends a record and applies it to the state and the history. */
  public Record write(long key, ValueType valueType, Intent intent, RecordValue value) {
    Record record = store.append(key, valueType, intent, clock.millis(), value);
    state.apply(record);
    history.apply(record);
    return record;
  }

  /** Applies a record read back from the store at start, as {@link #write} applied it. */
  void replay(Record record) {
    keys.observe(record.key());
    state.apply(record);
    history.apply(record);
  }

  /** Makes sure the next keys come after one handed out before a restart. */
  void observeKey(long key) {
    keys.observe(key);
  }

  /** Ends the command's batch of records: a durable store writes them out before any answer. */
  void commit() {
    store.commit(keys.last());
  }

  public long nextKey() {
    return keys.next();
  }

  public long now() {
    return clock.millis();
  }

  public ControlledClock clock() {
    return clock;
  }

  public EngineState state() {
    return state;
  }

  public History history() {
    return history;
  }

  public RecordStore store() {
    return store;
  }

  public ExpressionLanguage expressions() {
    return expressions;
  }

  public DecisionEngine decisions() {
    return decisions;
  }

  /** Queues a step to run after the current one, within the same command. */
  public void followUp(Runnable step) {
    followUps.addLast(step);
  }

  /** Registers something to do once the command's records are written (responses, pushes). */
  public void afterCommand(Runnable sideEffect) {
    sideEffects.add(sideEffect);
  }

  void runFollowUps() {
    Runnable step;
    while ((step = followUps.pollFirst()) != null) {
      step.run();
    }
  }

  void runSideEffects() {
    List<Runnable> effects = new ArrayList<>(sideEffects);
    sideEffects.clear();
    effects.forEach(Runnable::run);
  }
}
