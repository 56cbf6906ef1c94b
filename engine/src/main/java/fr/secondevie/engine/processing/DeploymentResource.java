package fr.secondevie.engine.processing;

/** A resource to deploy: its file name (the extension tells its kind) and content. */
public record DeploymentResource(String name, byte[] content) {}
