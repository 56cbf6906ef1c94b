package fr.secondevie.engine.processing;

import java.util.Map;

/** One element to activate in an ad-hoc sub-process, with the variables of its inner instance. */
public record AdHocActivation(String elementId, Map<String, Object> variables) {}
