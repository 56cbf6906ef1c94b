package fr.secondevie.engine.gateway;

import fr.secondevie.engine.dmn.DecisionOutcome;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.ActivatedJob;
import fr.secondevie.engine.processing.DeploymentResult;
import fr.secondevie.engine.processing.behavior.DecisionBehavior;
import fr.secondevie.engine.record.DecisionEvaluationValue;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.util.JsonValues;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionRequirementsMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecision;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionInput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionOutput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FormMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MatchedDecisionRule;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;

/** Builds protobuf responses from engine results. */
final class ProtoMapper {

  static final String TENANT = "<default>";

  private ProtoMapper() {}

  static GatewayOuterClass.ActivatedJob job(ActivatedJob activated) {
    JobValue job = activated.job();
    GatewayOuterClass.ActivatedJob.Builder builder =
        GatewayOuterClass.ActivatedJob.newBuilder()
            .setKey(activated.key())
            .setType(job.type())
            .setProcessInstanceKey(job.processInstanceKey())
            .setBpmnProcessId(job.bpmnProcessId())
            .setProcessDefinitionVersion(job.processDefinitionVersion())
            .setProcessDefinitionKey(job.processDefinitionKey())
            .setElementId(job.elementId())
            .setElementInstanceKey(job.elementInstanceKey())
            .setCustomHeaders(JsonValues.toJson(job.customHeaders()))
            .setWorker(job.worker())
            .setRetries(job.retries())
            .setDeadline(job.deadline())
            .setVariables(JsonValues.toJson(activated.variables()))
            .setTenantId(TENANT)
            .setKind(GatewayOuterClass.ActivatedJob.JobKind.valueOf(job.kindName()))
            .setListenerEventType(
                GatewayOuterClass.ActivatedJob.ListenerEventType.valueOf(job.eventTypeName()));
    if (job.userTask() != null) {
      builder.setUserTask(userTask(job.userTask()));
    }
    return builder.build();
  }

  private static GatewayOuterClass.UserTaskProperties userTask(JobValue.ListenerTask listened) {
    UserTaskValue task = listened.task();
    GatewayOuterClass.UserTaskProperties.Builder properties =
        GatewayOuterClass.UserTaskProperties.newBuilder()
            .setUserTaskKey(listened.userTaskKey())
            .addAllCandidateGroups(task.candidateGroups())
            .addAllCandidateUsers(task.candidateUsers())
            .addAllChangedAttributes(listened.changedAttributes())
            .setPriority(task.priority());
    if (listened.action() != null) {
      properties.setAction(listened.action());
    }
    if (task.assignee() != null) {
      properties.setAssignee(task.assignee());
    }
    if (task.dueDate() != null) {
      properties.setDueDate(task.dueDate());
    }
    if (task.followUpDate() != null) {
      properties.setFollowUpDate(task.followUpDate());
    }
    if (task.formKey() > 0) {
      properties.setFormKey(task.formKey());
    }
    return properties.build();
  }

  static DeployResourceResponse deployment(DeploymentResult result) {
    DeployResourceResponse.Builder response =
        DeployResourceResponse.newBuilder().setKey(result.key()).setTenantId(TENANT);
    for (ExecutableProcess process : result.value().processes()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setProcess(
                  ProcessMetadata.newBuilder()
                      .setBpmnProcessId(process.bpmnProcessId())
                      .setVersion(process.version())
                      .setProcessDefinitionKey(process.key())
                      .setResourceName(process.resourceName())
                      .setTenantId(TENANT)));
    }
    for (DecisionRequirementsValue drg : result.value().decisionRequirements()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setDecisionRequirements(
                  DecisionRequirementsMetadata.newBuilder()
                      .setDmnDecisionRequirementsId(drg.decisionRequirementsId())
                      .setDmnDecisionRequirementsName(nullToEmpty(drg.name()))
                      .setVersion(drg.version())
                      .setDecisionRequirementsKey(drg.key())
                      .setResourceName(drg.resourceName())
                      .setTenantId(TENANT)));
    }
    for (DecisionValue decision : result.value().decisions()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setDecision(
                  DecisionMetadata.newBuilder()
                      .setDmnDecisionId(decision.decisionId())
                      .setDmnDecisionName(nullToEmpty(decision.name()))
                      .setVersion(decision.version())
                      .setDecisionKey(decision.key())
                      .setDmnDecisionRequirementsId(decision.decisionRequirementsId())
                      .setDecisionRequirementsKey(decision.decisionRequirementsKey())
                      .setTenantId(TENANT)));
    }
    for (FormValue form : result.value().forms()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setForm(
                  FormMetadata.newBuilder()
                      .setFormId(form.formId())
                      .setVersion(form.version())
                      .setFormKey(form.key())
                      .setResourceName(form.resourceName())
                      .setTenantId(TENANT)));
    }
    return response.build();
  }

  static EvaluateDecisionResponse decision(DecisionBehavior.Evaluation evaluation) {
    DecisionEvaluationValue value = evaluation.value();
    EvaluateDecisionResponse.Builder response =
        EvaluateDecisionResponse.newBuilder()
            .setDecisionKey(value.decisionKey())
            .setDecisionId(value.decisionId())
            .setDecisionName(nullToEmpty(value.decisionName()))
            .setDecisionVersion(value.decisionVersion())
            .setDecisionRequirementsId(value.decisionRequirementsId())
            .setDecisionRequirementsKey(value.decisionRequirementsKey())
            .setDecisionOutput(JsonValues.toJson(value.output()))
            .setFailedDecisionId(nullToEmpty(value.failedDecisionId()))
            .setFailureMessage(nullToEmpty(value.failureMessage()))
            .setTenantId(TENANT)
            .setDecisionInstanceKey(evaluation.key())
            .setDecisionEvaluationKey(evaluation.key());
    int index = 0;
    for (DecisionEvaluationValue.Evaluated evaluated : value.evaluatedDecisions()) {
      DecisionOutcome.EvaluatedDecision detail = evaluated.detail();
      EvaluatedDecision.Builder decision =
          EvaluatedDecision.newBuilder()
              .setDecisionKey(evaluated.decisionKey())
              .setDecisionId(detail.decisionId())
              .setDecisionName(nullToEmpty(detail.decisionName()))
              .setDecisionVersion(evaluated.decisionVersion())
              .setDecisionType(detail.decisionType())
              .setDecisionOutput(JsonValues.toJson(detail.output()))
              .setTenantId(TENANT)
              .setDecisionEvaluationInstanceKey(evaluation.key() + "-" + ++index);
      for (DecisionOutcome.EvaluatedInput input : detail.inputs()) {
        decision.addEvaluatedInputs(
            EvaluatedDecisionInput.newBuilder()
                .setInputId(nullToEmpty(input.id()))
                .setInputName(nullToEmpty(input.name()))
                .setInputValue(JsonValues.toJson(input.value())));
      }
      for (DecisionOutcome.MatchedRule rule : detail.matchedRules()) {
        MatchedDecisionRule.Builder matched =
            MatchedDecisionRule.newBuilder()
                .setRuleId(nullToEmpty(rule.ruleId()))
                .setRuleIndex(rule.ruleIndex());
        for (DecisionOutcome.EvaluatedOutput output : rule.outputs()) {
          matched.addEvaluatedOutputs(
              EvaluatedDecisionOutput.newBuilder()
                  .setOutputId(nullToEmpty(output.id()))
                  .setOutputName(nullToEmpty(output.name()))
                  .setOutputValue(JsonValues.toJson(output.value())));
        }
        decision.addMatchedRules(matched);
      }
      response.addEvaluatedDecisions(decision);
    }
    return response.build();
  }

  static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
