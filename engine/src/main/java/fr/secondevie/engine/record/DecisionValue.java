package fr.secondevie.engine.record;

/** A decision definition of a DMN resource. */
public record DecisionValue(
    long key,
    String decisionId,
    String name,
    int version,
    String decisionType,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    long deploymentKey)
    implements RecordValue {}
