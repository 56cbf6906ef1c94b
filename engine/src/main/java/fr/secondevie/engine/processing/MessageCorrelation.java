package fr.secondevie.engine.processing;

/** The answer to a REST message correlation: the message and the first instance it reached. */
public record MessageCorrelation(long messageKey, long processInstanceKey) {}
