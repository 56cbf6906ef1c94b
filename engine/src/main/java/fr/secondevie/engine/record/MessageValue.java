package fr.secondevie.engine.record;

import java.util.Map;

/** A published message; {@code deadline} is when its time-to-live ends (engine clock). */
public record MessageValue(
    String name,
    String correlationKey,
    long timeToLive,
    String messageId,
    Map<String, Object> variables,
    long deadline)
    implements RecordValue {}
