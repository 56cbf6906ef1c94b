/**
 * Seconde Vie's embedded engine: an in-process runtime speaking the Camunda 8.8 wire API, so that
 * the unchanged Camunda Java client cannot tell it from Camunda. Start it with {@link
 * fr.secondevie.engine.EmbeddedEngine}, or as its own process with {@link
 * fr.secondevie.engine.StandaloneEngine}.
 *
 * <p>Packages: {@code model} (executable BPMN), {@code feel} and {@code dmn} (expressions and
 * decisions), {@code record} (the log), {@code state} (runtime state derived from the log), {@code
 * history} (query views derived from the log), {@code processing} (the single writer and its BPMN
 * behaviours), {@code gateway} (gRPC).
 */
package fr.secondevie.engine;
