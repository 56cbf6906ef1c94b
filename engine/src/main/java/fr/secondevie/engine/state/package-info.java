/**
 * Runtime state derived from the log: each sub-state applies the records of its value types ({@link
 * fr.secondevie.engine.state.EngineState#apply}) and nothing else writes to it. Only the processing
 * thread touches these classes; readers use the history instead.
 */
package fr.secondevie.engine.state;
