package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The deployment of bundled models against the test JVM's engine, through the Camunda client, with
 * models of their own (unique ids) so that the application's models are left alone.
 */
@SpringBootTest
class BundledModelDeployerTests {

  @Autowired CamundaClient client;
  @Autowired BundledModelDeployer deployer;

  private static String bpmn(String id, String tag, String taskName) {
    String versionTag =
        tag == null
            ? ""
            : "<bpmn:extensionElements><zeebe:versionTag value=\""
                + tag
                + "\"/></bpmn:extensionElements>";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" \
        targetNamespace="https://secondevie.fr/test">
          <bpmn:process id="%s" isExecutable="true">%s
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            <bpmn:manualTask id="task" name="%s"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(id, versionTag, taskName);
  }

  private static BundledModel bundled(String id, String tag, String taskName) {
    return BundledModels.process(
        id + ".bpmn", bpmn(id, tag, taskName).getBytes(StandardCharsets.UTF_8));
  }

  private List<ProcessDefinition> versions(String id) {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(id))
        .send()
        .join()
        .items()
        .stream()
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
        .toList();
  }

  @Test
  void shouldKeepTheOwnersVersionAcrossRestartsUntilANewerBundledOne() {
    // given the application's bundled model, deployed at a first start
    String id = "bundled-" + UUID.randomUUID();
    deployer.deploy(client, List.of(bundled(id, "1.0.0", "Tâche livrée")));
    // and a process owner's edit deployed from Modeler with a tag of their own
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(bpmn(id, "1.0.0-chu", "Tâche modifiée"), id + ".bpmn")
        .send()
        .join();

    // when the application starts again with the same bundled model
    DeploymentPlan restart = deployer.deploy(client, List.of(bundled(id, "1.0.0", "Tâche livrée")));

    // then the owner's version is still the latest one
    assertThat(restart.toDeploy()).isEmpty();
    assertThat(versions(id)).hasSize(2);
    assertThat(versions(id).get(1).getVersionTag()).isEqualTo("1.0.0-chu");

    // when a new release of the application ships a newer model
    deployer.deploy(client, List.of(bundled(id, "1.1.0", "Tâche livrée v2")));

    // then it becomes the latest version
    assertThat(versions(id)).hasSize(3);
    assertThat(versions(id).get(2).getVersionTag()).isEqualTo("1.1.0");
  }

  @Test
  void shouldDeployTheApplicationsModelsWithTheirVersionTags() {
    // given the application started (its client deployed the bundled models)

    // when
    List<ProcessDefinition> endOfLife = versions("asset-end-of-life");

    // then
    assertThat(endOfLife).isNotEmpty();
    assertThat(endOfLife.get(endOfLife.size() - 1).getVersionTag()).isEqualTo("1.1.0");
  }
}
