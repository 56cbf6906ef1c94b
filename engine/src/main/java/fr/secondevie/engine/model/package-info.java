/**
 * Executable models: what a deployed BPMN process becomes once parsed and checked. Elements keep
 * their parsed expressions, mappings and event definitions, so nothing is parsed again while
 * instances run.
 */
package fr.secondevie.engine.model;
