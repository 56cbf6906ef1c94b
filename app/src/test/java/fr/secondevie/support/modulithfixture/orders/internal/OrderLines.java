package fr.secondevie.support.modulithfixture.orders.internal;

/** Fixture for {@code ModularityTests}: a type internal to module {@code orders}. */
public record OrderLines(int count) {}
