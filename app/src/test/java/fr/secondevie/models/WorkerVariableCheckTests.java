package fr.secondevie.models;

import static fr.secondevie.models.ModelCheckerTests.altered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import fr.secondevie.models.ModelChecker.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The variables of the workers in the process contract, and the check that a task still gets the
 * variables its workers require.
 */
class WorkerVariableCheckTests {

  private static final ProcessContract CONTRACT = ProcessContract.ofApplication();

  @Test
  void shouldReadWhatEachWorkerRequiresReadsAndWrites() {
    // given the application's workers

    // when
    Map<String, WorkerVariables> variables = CONTRACT.workerVariables();

    // then @Variable parameters, optional ones read but not required, a record result written
    WorkerVariables match = variables.get("donation.match-beneficiary");
    assertThat(match.required()).containsExactly("assetId");
    assertThat(match.read()).containsExactly("assessment", "assetId", "sanitizationOutcome");
    assertThat(match.written()).containsExactly("donation", "legalCheck");
    assertThat(match.writtenKnown()).isTrue();
    // a map result: what it writes is known at run time only
    assertThat(variables.get("routing.assess-asset").writtenKnown()).isFalse();
    // @VariablesAsType: the record's components are read, none required; void writes nothing
    WorkerVariables close = variables.get("campaign.close");
    assertThat(close.read()).contains("campaignId", "campaignSummary");
    assertThat(close.required()).isEmpty();
    assertThat(close.written()).isEmpty();
    assertThat(close.writtenKnown()).isTrue();
    assertThat(variables.keySet()).isEqualTo(CONTRACT.jobTypes().keySet());
  }

  @Test
  void shouldReadWhatTheBundledModelsProvideByThemselves() {
    // given the bundled dismantling lot process

    // when
    ProcessVariables lot = CONTRACT.bundledVariables().get("dismantling-lot");

    // then an output mapping and a worker's record result count, the process start does not
    assertThat(lot.providerFor("record-pickup", "pickup")).isEqualTo("confirm-pickup");
    assertThat(lot.providerFor("send-dismantling-order", "lotAssetCount")).isEqualTo("close-lot");
    assertThat(lot.providerFor("record-pickup", "lotId")).isNull();
  }

  @Test
  void shouldNameATaskWhoseRequiredVariableTheProcessNoLongerProvides() {
    // given the pickup form's output mapping renamed: record-pickup requires « pickup »
    ModelFile bpmn =
        altered("dismantling-lot.bpmn", "target=\"pickup\"", "target=\"pickupReport\"");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::file, Problem::elementId)
        .containsExactly(tuple(Severity.ERROR, "dismantling-lot.bpmn", "record-pickup"));
    assertThat(problems.get(0).message())
        .contains("« pickup »", "dismantling.record-pickup", "« confirm-pickup »");
  }

  @Test
  void shouldNameAnInputMappingThatClearsARequiredVariable() {
    // given record-pickup maps « lotId » to null
    ModelFile bpmn =
        altered(
            "dismantling-lot.bpmn",
            "<zeebe:taskDefinition type=\"dismantling.record-pickup\" retries=\"3\" />",
            "<zeebe:taskDefinition type=\"dismantling.record-pickup\" retries=\"3\" />"
                + "<zeebe:ioMapping><zeebe:input source=\"= null\" target=\"lotId\" />"
                + "</zeebe:ioMapping>");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::elementId)
        .containsExactly(tuple(Severity.ERROR, "record-pickup"));
    assertThat(problems.get(0).message()).contains("« lotId »", "null");
  }

  @Test
  void shouldAcceptARequiredVariableAModelDoesNotProvideByItself() {
    // given a new process whose task's required variables can only come from its start
    ModelFile bpmn =
        new ModelFile(
            "new-lot.bpmn",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
              <bpmn:process id="new-lot" isExecutable="true">
                <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:serviceTask id="record">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="dismantling.record-pickup" />
                  </bpmn:extensionElements>
                  <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="record" />
                <bpmn:sequenceFlow id="f2" sourceRef="record" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """
                .getBytes(StandardCharsets.UTF_8));

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems).isEmpty();
  }
}
