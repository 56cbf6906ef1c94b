/**
 * Operations console: the process owners' view of the running processes, in both run modes.
 *
 * <p>Processes and their versions with instance counts, instances filtered and paginated, one
 * instance with its diagram (server-side SVG drawn from the model's own diagram interchange), its
 * variables, element instances and incidents, and the incidents across processes. Asset managers
 * and administrators retry an incident (the job's retries set, then the incident resolved) and
 * cancel an instance (with a confirmation and a reason); auditors read only. Every action is
 * recorded in {@code console_action} (who, when, what, result).
 *
 * <p>Everything goes through the Camunda Java client's REST API ({@code ConsoleRuntime} for
 * instances and incidents, {@code ProcessVersions} for the versions and their counts, {@code
 * RuntimeCommands} for the actions), never through the engine, so the same pages work against a
 * Camunda 8.8 cluster.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Operations console",
    allowedDependencies = {"common :: api", "inventory :: api", "models"})
package fr.secondevie.console;
