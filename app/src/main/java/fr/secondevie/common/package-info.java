/**
 * Small things every feature shares and no feature owns: French organisation identifiers (SIRET)
 * checked one way, refused input ({@link fr.secondevie.common.InvalidInputException}, errors in
 * field order), the problem details ({@code application/problem+json}) every REST controller
 * answers refused input with ({@code ApiErrorHandler}), the operation id of a job ({@link
 * fr.secondevie.common.JobOperations}), the second delivery of a job that finds the first's result
 * ({@link fr.secondevie.common.Redelivery}), and the prerequisites each feature declares (what its
 * processes need before the first run, listed by the web shell). An open module: no state, no
 * dependency on other modules.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Common",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.secondevie.common;
