package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;

/**
 * The multi-instance characteristics of an activity ({@code zeebe:loopCharacteristics} and the BPMN
 * completion condition). Absent attributes are {@code null}.
 *
 * @param inputElement the variable each inner instance gets its item in
 * @param outputCollection the variable of the body that collects the output elements
 * @param outputElement evaluated in each inner instance when it completes
 * @param outputElementVariable the variable the output element expression only reads ({@code
 *     =result} or {@code =result.value}), which each inner instance gets as a local {@code null}
 *     first, else {@code null}
 */
public record LoopDefinition(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    String outputElementVariable,
    Expression completionCondition) {}
