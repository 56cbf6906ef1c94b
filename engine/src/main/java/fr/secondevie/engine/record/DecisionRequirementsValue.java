package fr.secondevie.engine.record;

import fr.secondevie.engine.dmn.ParsedDrg;

/** A decision requirements graph (one DMN resource) and its parsed form. */
public record DecisionRequirementsValue(
    long key,
    String decisionRequirementsId,
    String name,
    int version,
    String resourceName,
    byte[] resource,
    String checksum,
    long deploymentKey,
    ParsedDrg parsed)
    implements RecordValue {}
