package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A process with one service task, end to end. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/service-tasks/.
 */
class SmokeTest extends ConformanceTest {

  @Test
  void shouldRunServiceTaskProcess() {
    // given
    String processId = unique("smoke");
    deploy(serviceTaskProcess(processId, processId + ".work"));
    long key = start(processId, Map.of("a", 1)).getProcessInstanceKey();

    // when
    completeJob(processId + ".work", Map.of("b", "two"));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).containsExactly(processId, "start", "task", "end");
    assertThat(variables(key)).containsEntry("a", 1L).containsEntry("b", "two");
  }
}
