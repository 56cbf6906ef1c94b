package fr.secondevie.engine.processing;

import fr.secondevie.engine.record.DeploymentValue;

/** The key of a deployment and the definitions it holds (new or unchanged versions). */
public record DeploymentResult(long key, DeploymentValue value) {}
