package fr.secondevie.support.modulithfixture.orders;

/** Fixture for {@code ModularityTests}: the exposed type of module {@code orders}. */
public record Order(long id) {}
