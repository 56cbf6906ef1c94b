package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;

/**
 * An execution listener ({@code zeebe:executionListener}, event type {@code start} or {@code end})
 * or a user task listener ({@code zeebe:taskListener}, {@code creating}, {@code assigning}, {@code
 * updating}, {@code completing}): the job type and retries, evaluated when its job is created.
 */
public record ListenerDefinition(String eventType, Expression type, Expression retries) {}
