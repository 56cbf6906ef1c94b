/**
 * Models: the BPMN, DMN and form files packaged with the application and how they reach the process
 * runtime.
 *
 * <p>At each start of the Camunda client (and for each test client of Camunda Process Test), the
 * bundled models are compared with what the runtime already has, by version tag ({@code
 * zeebe:versionTag}): a bundled model is deployed only when the runtime has no version of it or
 * when the bundled tag is newer than every tag the runtime knows for it. A model a process owner
 * deployed from Camunda Modeler therefore stays the latest version across restarts, until the
 * application ships a newer one. The start log says, per model, which version runs and where it
 * came from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Models")
package fr.secondevie.models;
