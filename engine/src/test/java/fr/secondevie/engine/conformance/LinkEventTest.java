package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Link events: a link throw event goes on at the link catch event of the same name in its scope.
 * Checks https://docs.camunda.io/docs/components/modeler/bpmn/link-events/.
 */
class LinkEventTest extends ConformanceTest {

  @Test
  void shouldGoOnAtTheLinkCatchEventOfTheSameName() {
    // given
    String processId = unique("link");
    String type = unique("t");
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
              <bpmn:process id="%1$s" isExecutable="true">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="jump"/>
                <bpmn:intermediateThrowEvent id="jump">
                  <bpmn:linkEventDefinition name="to-review"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:intermediateCatchEvent id="landing">
                  <bpmn:linkEventDefinition name="to-review"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="landing" targetRef="review"/>
                <bpmn:serviceTask id="review">
                  <bpmn:extensionElements><zeebe:taskDefinition type="%2$s"/></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """
                .formatted(processId, type),
            processId + ".bpmn")
        .send()
        .join();
    long key = start(processId).getProcessInstanceKey();

    // when
    completeJob(type, Map.of());

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).containsSubsequence("jump", "landing", "review", "end");
  }

  @Test
  void shouldRejectLinkThrowEventWithoutCatchEvent() {
    String processId = unique("link-broken");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                deploy(
                    Bpmn.createExecutableProcess(processId)
                        .startEvent()
                        .intermediateThrowEvent("jump", e -> e.link("nowhere"))
                        .done()))
        .hasMessageContaining("jump");
  }
}
