package fr.secondevie.support.modulithfixture.billing;

import fr.secondevie.support.modulithfixture.orders.internal.OrderLines;

/**
 * Fixture for {@code ModularityTests}: module {@code billing} reaches into the internals of module
 * {@code orders}, the violation the verification must report.
 */
public record Invoice(OrderLines lines) {}
