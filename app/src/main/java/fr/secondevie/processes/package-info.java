/**
 * Process models: the identifiers that the BPMN, DMN and form files under {@code bpmn/} and {@code
 * forms/} share with the code that drives them.
 *
 * <p>One final class per process ({@link fr.secondevie.processes.RenewalCampaignProcess}, {@link
 * fr.secondevie.processes.AssetEndOfLifeProcess}, {@link
 * fr.secondevie.processes.DismantlingLotProcess}) and one for the decision table ({@link
 * fr.secondevie.processes.AssetRouteDecision}) hold the process or decision id, the element ids
 * that tests address, job types, task headers, message names, BPMN error codes, variable names,
 * form ids and timer values. Job workers, message publishers and process tests use these constants
 * instead of string literals; the model tests of this package fail when a model and its constants
 * drift apart. The contract of every job, message and form is described in {@code
 * docs/processes.md}.
 *
 * <p>An open, shared module: any feature module may use it, and it depends on none.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Process models",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.secondevie.processes;
