package fr.secondevie.support.apifixture.shipping;

/** Fixture for {@code ModularityTests}: public, though outside the API and used by no sibling. */
public record ParcelWeight(int grams) {}
