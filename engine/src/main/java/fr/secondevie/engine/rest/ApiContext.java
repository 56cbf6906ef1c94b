package fr.secondevie.engine.rest;

import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.processing.Commands;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * What the REST and management endpoints work on: the engine's commands, its history, its clock,
 * and the cluster facts the topology reports.
 *
 * @param lastCompletedChangeId the id of the last completed cluster change (purge); -1 before any
 * @param pollGeneration incremented by a purge: REST long polls of an older generation no longer
 *     take jobs (their clients are gone, and HTTP/1.1 does not tell the server)
 * @param port the bound REST port, for the topology
 */
public record ApiContext(
    Commands commands,
    History history,
    ControlledClock clock,
    AtomicLong lastCompletedChangeId,
    AtomicLong pollGeneration,
    IntSupplier port) {

  public static final String VERSION = "8.8.14";

  public ApiContext(Commands commands, History history, ControlledClock clock, IntSupplier port) {
    this(commands, history, clock, new AtomicLong(-1), new AtomicLong(), port);
  }
}
