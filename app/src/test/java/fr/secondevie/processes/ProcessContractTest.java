package fr.secondevie.processes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.Models.ProcessUnderTest;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TimeCycle;
import io.camunda.zeebe.model.bpmn.instance.TimeDuration;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The constants of {@code fr.secondevie.processes} and the models agree both ways: workers, message
 * publishers and process tests written against the constants address what the models contain.
 */
class ProcessContractTest {

  static Stream<ProcessUnderTest> processes() {
    return Models.PROCESSES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDeclareEveryJobTypeAndNoOther(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    Set<String> jobTypes =
        model.getModelElementsByType(ZeebeTaskDefinition.class).stream()
            .map(ZeebeTaskDefinition::getType)
            .collect(Collectors.toCollection(TreeSet::new));

    // then
    assertThat(jobTypes).isEqualTo(process.constants("JobTypes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDeclareEveryMessageAndNoOther(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    Map<String, String> correlationKeys = new TreeMap<>();
    for (io.camunda.zeebe.model.bpmn.instance.Message message :
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class)) {
      ZeebeSubscription subscription =
          message.getExtensionElements().getChildElementsByType(ZeebeSubscription.class).stream()
              .findFirst()
              .orElseThrow();
      correlationKeys.put(message.getName(), subscription.getCorrelationKey());
    }

    // then
    assertThat(correlationKeys.keySet()).isEqualTo(process.constants("Messages"));
    String expectedKey =
        switch (process.processId()) {
          case DismantlingLotProcess.PROCESS_ID ->
              "=string(" + DismantlingLotProcess.Variables.LOT_ID + ")";
          case SupplierReferencingProcess.PROCESS_ID ->
              "=string(" + SupplierReferencingProcess.Variables.APPLICATION_ID + ")";
          default -> "=string(" + AssetEndOfLifeProcess.Variables.ASSET_ID + ")";
        };
    assertThat(correlationKeys.values()).allMatch(expectedKey::equals);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDeclareEveryErrorCodeAndCatchEachOne(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    Set<String> codes = new TreeSet<>();
    Set<String> caught = new TreeSet<>();
    for (io.camunda.zeebe.model.bpmn.instance.Error error :
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Error.class)) {
      codes.add(error.getErrorCode());
    }
    for (ErrorEventDefinition definition :
        model.getModelElementsByType(ErrorEventDefinition.class)) {
      if (definition.getParentElement() instanceof CatchEvent) {
        caught.add(definition.getError().getErrorCode());
      }
    }

    // then
    assertThat(codes).isEqualTo(process.constants("ErrorCodes"));
    assertThat(caught).as("every error is handled in the model").isEqualTo(codes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldNameEveryLabelledFlowNodeInTheConstants(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    Set<String> named =
        model.getModelElementsByType(FlowNode.class).stream()
            .filter(node -> node.getName() != null && !node.getName().isBlank())
            .map(FlowNode::getId)
            .collect(Collectors.toCollection(TreeSet::new));

    // then
    assertThat(named).isEqualTo(process.constants("Elements"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDeclareEveryFormAndNoOther(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    Set<String> formIds =
        model.getModelElementsByType(ZeebeFormDefinition.class).stream()
            .map(ZeebeFormDefinition::getFormId)
            .collect(Collectors.toCollection(TreeSet::new));

    // then
    assertThat(formIds).isEqualTo(process.constants("Forms"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDeclareEveryTimerValue(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    Set<String> timers = new TreeSet<>();
    model.getModelElementsByType(TimeDuration.class).forEach(t -> timers.add(t.getTextContent()));
    model.getModelElementsByType(TimeCycle.class).forEach(t -> timers.add(t.getTextContent()));

    // then
    assertThat(timers).isEqualTo(process.constants("Timers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldConfigureWorkersWithDeclaredHeaders(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Set<String> statuses = new TreeSet<>();

    // when / then
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String type =
          task.getSingleExtensionElement(ZeebeTaskDefinition.class) == null
              ? null
              : task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
      Map<String, String> headers = headers(task);
      assertThat(headers.keySet()).isSubsetOf(process.constants("Headers"));
      if (AssetEndOfLifeProcess.JobTypes.UPDATE_STATUS.equals(type)) {
        assertThat(headers)
            .as("%s names its target status", task.getId())
            .containsKey(AssetEndOfLifeProcess.Headers.TARGET_STATUS);
        statuses.add(headers.get(AssetEndOfLifeProcess.Headers.TARGET_STATUS));
      }
      if (SupplierReferencingProcess.JobTypes.CLOSE_APPLICATION.equals(type)) {
        assertThat(headers.get(SupplierReferencingProcess.Headers.CLOSURE))
            .as("%s names its closure", task.getId())
            .isIn(Models.constants(SupplierReferencingProcess.Closures.class));
      }
      if (Reminders.JOB_TYPE.equals(type)) {
        assertThat(headers.get(Reminders.HEADER))
            .as("%s names its reminder", task.getId())
            .isIn(Models.constants(Reminders.class));
      }
    }
    if (process.processId().equals(AssetEndOfLifeProcess.PROCESS_ID)) {
      assertThat(statuses).isEqualTo(Models.constants(AssetEndOfLifeProcess.TargetStatuses.class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldMapOnlyDeclaredVariables(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Set<String> declared = new TreeSet<>(process.constants("Variables"));
    declared.addAll(Models.constants(AssetRouteDecision.Inputs.class));

    // when
    Set<String> targets = new TreeSet<>();
    model.getModelElementsByType(ZeebeInput.class).forEach(input -> targets.add(input.getTarget()));
    model
        .getModelElementsByType(ZeebeOutput.class)
        .forEach(output -> targets.add(output.getTarget()));
    model
        .getModelElementsByType(ZeebeScript.class)
        .forEach(script -> targets.add(script.getResultVariable()));
    model
        .getModelElementsByType(ZeebeCalledDecision.class)
        .forEach(decision -> targets.add(decision.getResultVariable()));

    // then
    assertThat(targets).isSubsetOf(declared);
  }

  @Test
  void shouldRunOneSmallChildInstancePerAssetOfTheCampaign() {
    // given
    BpmnModelInstance model = Models.readBpmn(RenewalCampaignProcess.RESOURCE);
    CallActivity call = model.getModelElementById(RenewalCampaignProcess.Elements.PROCESS_ASSETS);

    // when
    ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
    MultiInstanceLoopCharacteristics loop =
        (MultiInstanceLoopCharacteristics) call.getLoopCharacteristics();
    ZeebeLoopCharacteristics zeebeLoop =
        loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    Set<String> inputs =
        call.getExtensionElements().getElementsQuery().list().stream()
            .flatMap(e -> e.getChildElementsByType(ZeebeInput.class).stream())
            .map(ZeebeInput::getTarget)
            .collect(Collectors.toCollection(TreeSet::new));

    // then
    assertThat(called.getProcessId()).isEqualTo(AssetEndOfLifeProcess.PROCESS_ID);
    assertThat(called.isPropagateAllParentVariablesEnabled()).isFalse();
    assertThat(called.isPropagateAllChildVariablesEnabled()).isFalse();
    assertThat(loop.isSequential()).isFalse();
    assertThat(zeebeLoop.getInputCollection())
        .isEqualTo("=" + RenewalCampaignProcess.Variables.ASSET_IDS);
    assertThat(zeebeLoop.getInputElement()).isEqualTo(RenewalCampaignProcess.Variables.ASSET_ID);
    assertThat(zeebeLoop.getOutputCollection())
        .isEqualTo(RenewalCampaignProcess.Variables.OUTCOMES);
    assertThat(zeebeLoop.getOutputElement())
        .isEqualTo("=" + AssetEndOfLifeProcess.Variables.OUTCOME);
    assertThat(inputs)
        .containsExactlyInAnyOrder(
            AssetEndOfLifeProcess.Variables.ASSET_ID, AssetEndOfLifeProcess.Variables.CAMPAIGN_ID);
  }

  @Test
  void shouldFeedTheDecisionWithEveryInputOfTheTable() {
    // given
    BpmnModelInstance model = Models.readBpmn(AssetEndOfLifeProcess.RESOURCE);
    BusinessRuleTask task = model.getModelElementById(AssetEndOfLifeProcess.Elements.DECIDE_ROUTE);
    Element definitions =
        Models.readDom(Models.bpmnDir().resolve(AssetRouteDecision.RESOURCE)).getDocumentElement();

    // when
    ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
    Set<String> mapped =
        model.getModelElementsByType(ZeebeInput.class).stream()
            .filter(input -> input.getParentElement().getParentElement().getParentElement() == task)
            .map(ZeebeInput::getTarget)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> tableInputs = new TreeSet<>();
    var texts = definitions.getElementsByTagNameNS("*", "inputExpression");
    for (int i = 0; i < texts.getLength(); i++) {
      tableInputs.add(texts.item(i).getTextContent().trim());
    }

    // then
    assertThat(decision.getDecisionId()).isEqualTo(AssetRouteDecision.DECISION_ID);
    assertThat(decision.getResultVariable())
        .isEqualTo(AssetEndOfLifeProcess.Variables.ROUTE_DECISION);
    assertThat(mapped).isEqualTo(Models.constants(AssetRouteDecision.Inputs.class));
    assertThat(tableInputs).isEqualTo(mapped);
  }

  @Test
  void shouldFeedTheMaturityDecisionWithTheEvaluationResults() {
    // given
    BpmnModelInstance model = Models.readBpmn(SupplierReferencingProcess.RESOURCE);
    BusinessRuleTask task =
        model.getModelElementById(SupplierReferencingProcess.Elements.DECIDE_MATURITY);
    Element definitions =
        Models.readDom(Models.bpmnDir().resolve(SupplierMaturityDecision.RESOURCE))
            .getDocumentElement();

    // when
    ZeebeCalledDecision decision = task.getSingleExtensionElement(ZeebeCalledDecision.class);
    Set<String> tableInputs = new TreeSet<>();
    var texts = definitions.getElementsByTagNameNS("*", "inputExpression");
    for (int i = 0; i < texts.getLength(); i++) {
      tableInputs.add(texts.item(i).getTextContent().trim());
    }
    Set<String> tableOutputs = new TreeSet<>();
    var outputs = definitions.getElementsByTagNameNS("*", "output");
    for (int i = 0; i < outputs.getLength(); i++) {
      tableOutputs.add(((Element) outputs.item(i)).getAttribute("name"));
    }

    // then
    assertThat(decision.getDecisionId()).isEqualTo(SupplierMaturityDecision.DECISION_ID);
    assertThat(decision.getResultVariable())
        .isEqualTo(SupplierReferencingProcess.Variables.MATURITY);
    assertThat(tableInputs).isEqualTo(Models.constants(SupplierMaturityDecision.Inputs.class));
    assertThat(tableOutputs).isEqualTo(Models.constants(SupplierMaturityDecision.Outputs.class));
    // the inputs are process variables set by supplier.record-evaluation, read as they are
    assertThat(Models.constants(SupplierReferencingProcess.Variables.class))
        .containsAll(tableInputs);
  }

  private static Map<String, String> headers(ServiceTask task) {
    Map<String, String> headers = new TreeMap<>();
    task.getExtensionElements().getElementsQuery().list().stream()
        .flatMap(e -> e.getChildElementsByType(ZeebeHeader.class).stream())
        .forEach(header -> headers.put(header.getKey(), header.getValue()));
    return headers;
  }
}
