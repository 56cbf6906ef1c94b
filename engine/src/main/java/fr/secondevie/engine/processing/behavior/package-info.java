/**
 * Behaviours shared by the element behaviours: variable mappings and propagation, jobs, incidents,
 * event subscriptions (timers and messages), error throwing and decision evaluation.
 */
package fr.secondevie.engine.processing.behavior;
