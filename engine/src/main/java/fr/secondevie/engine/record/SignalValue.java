package fr.secondevie.engine.record;

import java.util.Map;

/** A broadcast signal: its name and the variables it carries to every catching element. */
public record SignalValue(String signalName, Map<String, Object> variables)
    implements RecordValue {}
