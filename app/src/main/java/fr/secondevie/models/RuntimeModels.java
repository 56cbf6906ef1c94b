package fr.secondevie.models;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.DecisionRequirements;
import io.camunda.client.api.search.response.ProcessDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runtime has of the bundled models, asked through the Camunda client's REST API (so it
 * works against the embedded engine and a Camunda cluster alike): the version tags of every version
 * of each process and decision file, latest first.
 */
final class RuntimeModels {

  private static final int MAX_VERSIONS = 1000;

  private RuntimeModels() {}

  static Map<String, List<String>> versionTags(CamundaClient client, List<BundledModel> bundled) {
    Map<String, List<String>> tags = new LinkedHashMap<>();
    for (BundledModel model : bundled) {
      switch (model.kind()) {
        case PROCESS -> tags.put(model.id(), processTags(client, model.id()));
        case DECISIONS -> tags.put(model.id(), decisionTags(client, model));
        case FORM -> {}
      }
    }
    return tags;
  }

  private static List<String> processTags(CamundaClient client, String processId) {
    List<ProcessDefinition> versions =
        new ArrayList<>(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .page(p -> p.limit(MAX_VERSIONS))
                .send()
                .join()
                .items());
    versions.sort(Comparator.comparingInt(ProcessDefinition::getVersion).reversed());
    List<String> tags = new ArrayList<>();
    versions.forEach(v -> tags.add(v.getVersionTag()));
    return tags;
  }

  private static List<String> decisionTags(CamundaClient client, BundledModel model) {
    List<DecisionRequirements> versions =
        new ArrayList<>(
            client
                .newDecisionRequirementsSearchRequest()
                .filter(f -> f.decisionRequirementsId(model.id()))
                .page(p -> p.limit(MAX_VERSIONS))
                .send()
                .join()
                .items());
    versions.sort(Comparator.comparingInt(DecisionRequirements::getVersion).reversed());
    List<String> tags = new ArrayList<>();
    for (DecisionRequirements version : versions) {
      String xml =
          client
              .newDecisionRequirementsGetXmlRequest(version.getDecisionRequirementsKey())
              .send()
              .join();
      tags.add(
          BundledModels.decisionsTag(
              model.resourceName(),
              BundledModels.xml(model.resourceName(), xml.getBytes(StandardCharsets.UTF_8))));
    }
    return tags;
  }
}
