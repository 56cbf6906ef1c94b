package fr.secondevie.engine.cpt;

import io.camunda.process.test.api.CamundaProcessTest;

/**
 * The scenarios with CPT's plain JUnit extension as configured by {@code
 * /camunda-container-runtime.properties} (REMOTE mode against the embedded engine): CPT's clients
 * prefer gRPC for every command that has a gRPC variant, and use REST for searches and user tasks.
 */
@CamundaProcessTest
class CptGrpcTest extends CptScenarios {}
