/**
 * Small things every feature shares and no feature owns: French organisation identifiers (SIRET)
 * checked one way, refused input ({@link fr.secondevie.common.InvalidInputException}, errors in
 * field order), the problem details ({@code application/problem+json}) every REST controller
 * answers refused input with ({@code ApiErrorHandler}), and the operation id of a job ({@link
 * fr.secondevie.common.JobOperations}). An open module: no state, no dependency on other modules.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Common",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.secondevie.common;
