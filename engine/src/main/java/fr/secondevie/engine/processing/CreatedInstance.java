package fr.secondevie.engine.processing;

import java.util.Map;

/**
 * A created process instance; {@code variables} are set only when the creation awaited the
 * instance's completion.
 */
public record CreatedInstance(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    long processInstanceKey,
    Map<String, Object> variables) {}
