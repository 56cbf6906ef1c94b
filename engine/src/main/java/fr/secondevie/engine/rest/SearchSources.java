package fr.secondevie.engine.rest;

import fr.secondevie.engine.history.History;
import fr.secondevie.engine.history.HistoryIndexes;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.history.Views.IncidentView;
import fr.secondevie.engine.history.Views.ProcessInstanceView;
import fr.secondevie.engine.history.Views.VariableView;
import fr.secondevie.engine.rest.search.SearchSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The items of the searches with their lookups by the history's indexes: a search that requires a
 * process definition, a process instance or a variable value reads only the items that have it.
 */
final class SearchSources {

  private SearchSources() {}

  static SearchSource<ProcessInstanceView> processInstances(History history) {
    HistoryIndexes indexes = history.indexes();
    return SearchSource.<ProcessInstanceView>of(history::processInstances)
        .byField("processInstanceKey", key -> present(history.processInstance((Long) key)))
        .byField(
            "processDefinitionKey",
            key ->
                views(indexes.processInstancesOfDefinition((Long) key), history::processInstance))
        .byField(
            "processDefinitionId",
            id -> views(indexes.processInstancesOfProcess((String) id), history::processInstance))
        .byVariable(
            (name, json) -> {
              Set<Long> keys = indexes.processInstancesWithVariable(name, json);
              return keys == null ? null : views(keys, history::processInstance);
            });
  }

  /** Element instances of flow nodes (the process's own element instance is not one). */
  static SearchSource<ElementInstanceView> elementInstances(History history) {
    return SearchSource.<ElementInstanceView>of(() -> flowNodes(history.elementInstances()))
        .byField("processInstanceKey", key -> flowNodes(history.elementInstancesOf((Long) key)))
        .byField(
            "elementInstanceKey", key -> flowNodes(present(history.elementInstance((Long) key))));
  }

  static SearchSource<VariableView> variables(History history) {
    return SearchSource.<VariableView>of(history::variables)
        .byField(
            "processInstanceKey",
            key ->
                views(history.indexes().variablesOfProcessInstance((Long) key), history::variable))
        .byField("variableKey", key -> present(history.variable((Long) key)));
  }

  static SearchSource<IncidentView> incidents(History history) {
    return SearchSource.<IncidentView>of(history::incidents)
        .byField(
            "processInstanceKey",
            key ->
                views(history.indexes().incidentsOfProcessInstance((Long) key), history::incident))
        .byField("incidentKey", key -> present(history.incident((Long) key)));
  }

  private static List<ElementInstanceView> flowNodes(Collection<ElementInstanceView> elements) {
    return elements.stream()
        .filter(Objects::nonNull)
        .filter(ElementInstanceEndpoints::isFlowNode)
        .toList();
  }

  private static <T> List<T> views(Set<Long> keys, LongFunction<T> view) {
    return keys.stream().map(view::apply).filter(Objects::nonNull).toList();
  }

  private static <T> List<T> present(T item) {
    return item == null ? List.of() : List.of(item);
  }
}
