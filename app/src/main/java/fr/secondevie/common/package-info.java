/**
 * Small things every feature shares and no feature owns: French organisation identifiers (SIRET)
 * checked one way, the prerequisites each feature declares (what its processes need before the
 * first run, listed by the web shell), and the problem details ({@code application/problem+json})
 * the REST APIs answer refused input with. An open module: no state, no Spring beans, no dependency
 * on other modules.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Common",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.secondevie.common;
