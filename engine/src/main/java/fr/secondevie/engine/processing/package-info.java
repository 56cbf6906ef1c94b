/**
 * The single writer: {@link fr.secondevie.engine.processing.Engine} runs every command, timer and
 * deadline in order on one thread. Command processors validate, then write records through the
 * {@link fr.secondevie.engine.processing.EngineContext}, which appends them to the log and applies
 * them to the state and the history. {@link fr.secondevie.engine.processing.Commands} is the entry
 * point of the transports (gRPC now, REST next).
 */
package fr.secondevie.engine.processing;
