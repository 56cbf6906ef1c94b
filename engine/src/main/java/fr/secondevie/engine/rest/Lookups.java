package fr.secondevie.engine.rest;

import fr.secondevie.engine.history.History;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.history.Views.IncidentView;
import fr.secondevie.engine.history.Views.VariableView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Derived facts over the history that several searches filter on. */
final class Lookups {

  private Lookups() {}

  /** All variables of a process instance (every scope): name to JSON texts. */
  static Map<String, List<String>> variablesOfInstance(History history, long processInstanceKey) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    Set<Long> scopes = new HashSet<>();
    scopes.add(processInstanceKey);
    for (ElementInstanceView element : history.elementInstancesOf(processInstanceKey)) {
      scopes.add(element.key());
    }
    for (long scope : scopes) {
      for (VariableView variable : history.variablesOf(scope)) {
        result.computeIfAbsent(variable.name(), n -> new ArrayList<>()).add(variable.json());
      }
    }
    return result;
  }

  /** The variables of one scope: name to JSON text. */
  static Map<String, List<String>> variablesOfScope(History history, long scopeKey) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (VariableView variable : history.variablesOf(scopeKey)) {
      result.computeIfAbsent(variable.name(), n -> new ArrayList<>()).add(variable.json());
    }
    return result;
  }

  /**
   * The variables visible from an element instance: its own, then those of each enclosing scope up
   * to the process instance, an inner variable hiding an outer one of the same name.
   */
  static List<VariableView> visibleVariables(History history, long elementInstanceKey) {
    Map<String, VariableView> visible = new LinkedHashMap<>();
    long scope = elementInstanceKey;
    Set<Long> seen = new HashSet<>();
    while (scope > 0 && seen.add(scope)) {
      for (VariableView variable : history.variablesOf(scope)) {
        visible.putIfAbsent(variable.name(), variable);
      }
      ElementInstanceView element = history.elementInstance(scope);
      scope = element == null ? -1 : element.flowScopeKey();
    }
    return List.copyOf(visible.values());
  }

  static List<IncidentView> activeIncidents(History history, long processInstanceKey) {
    return history.incidents().stream()
        .filter(i -> i.value().processInstanceKey() == processInstanceKey)
        .filter(i -> i.state().equals("ACTIVE"))
        .toList();
  }
}
