package fr.secondevie.console;

import fr.secondevie.console.ConsoleViews.ProcessVersion;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The deployed process versions as the console lists them, through the client's REST API. */
@Component
class ProcessVersions {

  private static final int MAX_DEFINITIONS = 500;

  private final CamundaClient client;
  private final BundledFiles bundled;
  private final Map<Long, BundledFiles.Source> sources = new ConcurrentHashMap<>();

  ProcessVersions(CamundaClient client, BundledFiles bundled) {
    this.client = client;
    this.bundled = bundled;
  }

  /** Every deployed process version, by process id then newest version first, with counts. */
  List<ProcessVersion> processVersions() {
    List<ProcessDefinition> definitions =
        new ArrayList<>(
            RuntimeCalls.call(
                () ->
                    client
                        .newProcessDefinitionSearchRequest()
                        .page(p -> p.limit(MAX_DEFINITIONS))
                        .send()
                        .join()
                        .items()));
    definitions.sort(
        Comparator.comparing(ProcessDefinition::getProcessDefinitionId)
            .thenComparing(Comparator.comparingInt(ProcessDefinition::getVersion).reversed()));
    // every count is asked at once, then read: the runtime answers them concurrently
    List<List<CamundaFuture<SearchResponse<ProcessInstance>>>> counts = new ArrayList<>();
    for (ProcessDefinition d : definitions) {
      long key = d.getProcessDefinitionKey();
      counts.add(
          List.of(
              count(f -> f.processDefinitionKey(key).state(ProcessInstanceState.ACTIVE)),
              count(f -> f.processDefinitionKey(key).state(ProcessInstanceState.COMPLETED)),
              count(
                  f ->
                      f.processDefinitionKey(key)
                          .state(ProcessInstanceState.ACTIVE)
                          .hasIncident(true))));
    }
    List<ProcessVersion> versions = new ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      ProcessDefinition d = definitions.get(i);
      List<CamundaFuture<SearchResponse<ProcessInstance>>> c = counts.get(i);
      versions.add(
          new ProcessVersion(
              d.getProcessDefinitionKey(),
              d.getProcessDefinitionId(),
              d.getName(),
              d.getVersion(),
              d.getVersionTag(),
              d.getResourceName(),
              sourceOf(d),
              RuntimeCalls.total(RuntimeCalls.call(c.get(0)::join)),
              RuntimeCalls.total(RuntimeCalls.call(c.get(1)::join)),
              RuntimeCalls.total(RuntimeCalls.call(c.get(2)::join))));
    }
    return versions;
  }

  /**
   * Compares the version's XML with the shipped file, once per process definition key: a deployed
   * version's XML never changes (a changed model is a new key), so the answer is kept.
   */
  private BundledFiles.Source sourceOf(ProcessDefinition definition) {
    if (!bundled.ships(definition.getResourceName())) {
      return BundledFiles.Source.OTHER;
    }
    long key = definition.getProcessDefinitionKey();
    BundledFiles.Source known = sources.get(key);
    if (known != null) {
      return known;
    }
    String xml =
        RuntimeCalls.call(() -> client.newProcessDefinitionGetXmlRequest(key).send().join());
    BundledFiles.Source source = bundled.sourceOf(definition.getResourceName(), xml);
    sources.put(key, source);
    return source;
  }

  /**
   * Asks the ids of the deployed processes (for the instance filter) and returns how to read them,
   * sorted: the page sends its other searches meanwhile.
   */
  Supplier<List<String>> askProcessIds() {
    CamundaFuture<SearchResponse<ProcessDefinition>> asked =
        RuntimeCalls.call(
            () ->
                client
                    .newProcessDefinitionSearchRequest()
                    .page(p -> p.limit(MAX_DEFINITIONS))
                    .send());
    return () ->
        RuntimeCalls.call(asked::join).items().stream()
            .map(ProcessDefinition::getProcessDefinitionId)
            .distinct()
            .sorted()
            .toList();
  }

  private CamundaFuture<SearchResponse<ProcessInstance>> count(
      Consumer<ProcessInstanceFilter> filter) {
    return RuntimeCalls.call(
        () -> client.newProcessInstanceSearchRequest().filter(filter).page(p -> p.limit(1)).send());
  }
}
