package fr.secondevie.support.apifixture.shipping;

/** Fixture for {@code ModularityTests}: public because sub-package {@code web} prints it. */
public record ParcelLabel(String text) {}
