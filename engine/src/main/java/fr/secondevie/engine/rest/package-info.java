/**
 * The REST API {@code /v2} of Camunda 8.8 as the Java client, the Spring starter and Camunda
 * Process Test call it: commands go to the engine's {@link
 * fr.secondevie.engine.processing.Commands}, searches and gets answer from the {@link
 * fr.secondevie.engine.history.History}. Every search goes through one filter/sort/page
 * implementation ({@link fr.secondevie.engine.rest.search}); errors are {@code
 * application/problem+json} documents.
 */
package fr.secondevie.engine.rest;
