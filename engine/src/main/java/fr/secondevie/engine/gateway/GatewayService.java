package fr.secondevie.engine.gateway;

import fr.secondevie.engine.processing.ActivatedJob;
import fr.secondevie.engine.processing.Commands;
import fr.secondevie.engine.processing.CreatedInstance;
import fr.secondevie.engine.processing.DeploymentResource;
import fr.secondevie.engine.processing.JobResult;
import fr.secondevie.engine.util.JsonValues;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * {@code gateway_protocol.Gateway} on top of the engine's {@link Commands}. Requests are checked
 * here (variables must be JSON objects, job activation arguments must make sense, tenants must be
 * the default one); everything else is decided by the engine.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {

  /** Camunda's default long-polling timeout when a request asks for the default (0). */
  private static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  private static final String VERSION = "8.8.14";

  private final Commands commands;
  private final IntSupplier port;

  public GatewayService(Commands commands, IntSupplier port) {
    this.commands = commands;
    this.port = port;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    observer.onNext(
        TopologyResponse.newBuilder()
            .addBrokers(
                BrokerInfo.newBuilder()
                    .setNodeId(0)
                    .setHost("localhost")
                    .setPort(port.getAsInt())
                    .setVersion(VERSION)
                    .addPartitions(
                        Partition.newBuilder()
                            .setPartitionId(1)
                            .setRole(Partition.PartitionBrokerRole.LEADER)
                            .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
            .setClusterSize(1)
            .setPartitionsCount(1)
            .setReplicationFactor(1)
            .setGatewayVersion(VERSION)
            .build());
    observer.onCompleted();
  }

  @Override
  public void deployResource(
      DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    if (!GatewayRequests.checkTenant(request.getTenantId(), observer)) {
      return;
    }
    List<DeploymentResource> resources = new ArrayList<>();
    for (Resource resource : request.getResourcesList()) {
      resources.add(
          new DeploymentResource(resource.getName(), resource.getContent().toByteArray()));
    }
    GatewayRequests.reply(commands.deploy(resources), ProtoMapper::deployment, observer);
  }

  @Override
  @SuppressWarnings("deprecation")
  public void deployProcess(
      DeployProcessRequest request, StreamObserver<DeployProcessResponse> observer) {
    List<DeploymentResource> resources = new ArrayList<>();
    for (ProcessRequestObject process : request.getProcessesList()) {
      resources.add(
          new DeploymentResource(process.getName(), process.getDefinition().toByteArray()));
    }
    GatewayRequests.reply(
        commands.deploy(resources),
        result -> {
          DeployProcessResponse.Builder response =
              DeployProcessResponse.newBuilder().setKey(result.key());
          ProtoMapper.deployment(result).getDeploymentsList().stream()
              .filter(Deployment::hasProcess)
              .forEach(d -> response.addProcesses(d.getProcess()));
          return response.build();
        },
        observer);
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null || !checkCreation(request, observer, true)) {
      return;
    }
    GatewayRequests.reply(
        commands.createProcessInstance(
            request.getProcessDefinitionKey(),
            request.getBpmnProcessId(),
            request.getVersion(),
            variables,
            request.getStartInstructionsList().stream()
                .map(ProcessInstanceCreationStartInstruction::getElementId)
                .toList()),
        created ->
            CreateProcessInstanceResponse.newBuilder()
                .setProcessDefinitionKey(created.processDefinitionKey())
                .setBpmnProcessId(created.bpmnProcessId())
                .setVersion(created.version())
                .setProcessInstanceKey(created.processInstanceKey())
                .setTenantId(ProtoMapper.TENANT)
                .addAllTags(request.getTagsList())
                .build(),
        observer);
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    CreateProcessInstanceRequest creation = request.getRequest();
    Map<String, Object> variables = GatewayRequests.variables(creation.getVariables(), observer);
    if (variables == null || !checkCreation(creation, observer, false)) {
      return;
    }
    long timeout =
        request.getRequestTimeout() > 0
            ? request.getRequestTimeout()
            : DEFAULT_REQUEST_TIMEOUT_MILLIS;
    CompletableFuture<CreatedInstance> result =
        commands.createProcessInstanceWithResult(
            creation.getProcessDefinitionKey(),
            creation.getBpmnProcessId(),
            creation.getVersion(),
            variables,
            request.getFetchVariablesList(),
            timeout);
    GatewayRequests.reply(
        result,
        created ->
            CreateProcessInstanceWithResultResponse.newBuilder()
                .setProcessDefinitionKey(created.processDefinitionKey())
                .setBpmnProcessId(created.bpmnProcessId())
                .setVersion(created.version())
                .setProcessInstanceKey(created.processInstanceKey())
                .setVariables(JsonValues.toJson(created.variables()))
                .setTenantId(ProtoMapper.TENANT)
                .addAllTags(creation.getTagsList())
                .build(),
        observer);
  }

  private boolean checkCreation(
      CreateProcessInstanceRequest request, StreamObserver<?> observer, boolean startAllowed) {
    if (!GatewayRequests.checkTenant(request.getTenantId(), observer)) {
      return false;
    }
    if ((!startAllowed && request.getStartInstructionsCount() > 0)
        || request.getRuntimeInstructionsCount() > 0) {
      observer.onError(
          GrpcErrors.invalidArgument(
              "Expected to create a process instance without "
                  + (startAllowed ? "runtime" : "start or runtime")
                  + " instructions, but some were given (not supported by the embedded engine)"));
      return false;
    }
    return true;
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    GatewayRequests.reply(
        commands.cancelProcessInstance(request.getProcessInstanceKey()),
        ignored -> CancelProcessInstanceResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void setVariables(
      SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null) {
      return;
    }
    GatewayRequests.reply(
        commands.setVariables(request.getElementInstanceKey(), variables, request.getLocal()),
        key -> SetVariablesResponse.newBuilder().setKey(key).build(),
        observer);
  }

  @Override
  public void resolveIncident(
      ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    GatewayRequests.reply(
        commands.resolveIncident(request.getIncidentKey()),
        ignored -> ResolveIncidentResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void publishMessage(
      PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null || !GatewayRequests.checkTenant(request.getTenantId(), observer)) {
      return;
    }
    GatewayRequests.reply(
        commands.publishMessage(
            request.getName(),
            request.getCorrelationKey(),
            request.getTimeToLive(),
            request.getMessageId(),
            variables),
        key ->
            PublishMessageResponse.newBuilder().setKey(key).setTenantId(ProtoMapper.TENANT).build(),
        observer);
  }

  @Override
  public void broadcastSignal(
      BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null || !GatewayRequests.checkTenant(request.getTenantId(), observer)) {
      return;
    }
    GatewayRequests.reply(
        commands.broadcastSignal(request.getSignalName(), variables),
        key ->
            BroadcastSignalResponse.newBuilder()
                .setKey(key)
                .setTenantId(ProtoMapper.TENANT)
                .build(),
        observer);
  }

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    String invalid =
        GatewayRequests.checkActivation(
            request.getType(), request.getTimeout(), request.getMaxJobsToActivate());
    if (invalid != null) {
      observer.onError(GrpcErrors.invalidArgument(invalid));
      return;
    }
    if (!GatewayRequests.checkTenants(request.getTenantIdsList(), observer)) {
      return;
    }
    long requestTimeout =
        request.getRequestTimeout() == 0
            ? DEFAULT_REQUEST_TIMEOUT_MILLIS
            : request.getRequestTimeout();
    ServerCallStreamObserver<ActivateJobsResponse> call =
        (ServerCallStreamObserver<ActivateJobsResponse>) observer;
    call.setOnCancelHandler(() -> {});
    commands
        .activateJobs(
            new ActivatedJob.Request(
                request.getType(),
                request.getWorker(),
                request.getTimeout(),
                request.getMaxJobsToActivate(),
                request.getFetchVariableList()),
            requestTimeout,
            () -> !call.isCancelled())
        .whenComplete(
            (jobs, error) -> {
              if (call.isCancelled()) {
                return;
              }
              if (error != null) {
                observer.onError(GrpcErrors.toStatus(error));
                return;
              }
              if (!jobs.isEmpty()) {
                ActivateJobsResponse.Builder response = ActivateJobsResponse.newBuilder();
                jobs.forEach(job -> response.addJobs(ProtoMapper.job(job)));
                observer.onNext(response.build());
              }
              observer.onCompleted();
            });
  }

  @Override
  public void streamActivatedJobs(
      StreamActivatedJobsRequest request,
      StreamObserver<io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob> observer) {
    String invalid = GatewayRequests.checkActivation(request.getType(), request.getTimeout(), 1);
    if (invalid != null) {
      observer.onError(GrpcErrors.invalidArgument(invalid));
      return;
    }
    if (!GatewayRequests.checkTenants(request.getTenantIdsList(), observer)) {
      return;
    }
    ServerCallStreamObserver<io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob>
        call =
            (ServerCallStreamObserver<
                    io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob>)
                observer;
    Runnable close =
        commands.openJobStream(
            new ActivatedJob.Request(
                request.getType(),
                request.getWorker(),
                request.getTimeout(),
                1,
                request.getFetchVariableList()),
            job -> call.onNext(ProtoMapper.job(job)),
            () -> !call.isCancelled());
    call.setOnCancelHandler(close::run);
  }

  @Override
  public void completeJob(
      CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null) {
      return;
    }
    JobResult result = JobResult.NONE;
    if (request.hasResult()) {
      io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResult given = request.getResult();
      if (given.hasType() && !given.getType().equals("userTask")) {
        observer.onError(
            io.grpc.Status.INVALID_ARGUMENT
                .withDescription(
                    "Expected a job result of type 'userTask' (results of ad-hoc sub-processes are"
                        + " not supported by the embedded engine), but it was '"
                        + given.getType()
                        + "'")
                .asRuntimeException());
        return;
      }
      JobResultCorrections corrections = given.hasCorrections() ? given.getCorrections() : null;
      result =
          new JobResult(
              given.getDenied(),
              given.hasDeniedReason() ? given.getDeniedReason() : null,
              corrections == null
                  ? null
                  : new JobResult.Corrections(
                      corrections.hasAssignee() ? corrections.getAssignee() : null,
                      corrections.hasDueDate() ? corrections.getDueDate() : null,
                      corrections.hasFollowUpDate() ? corrections.getFollowUpDate() : null,
                      corrections.hasCandidateUsers()
                          ? corrections.getCandidateUsers().getValuesList()
                          : null,
                      corrections.hasCandidateGroups()
                          ? corrections.getCandidateGroups().getValuesList()
                          : null,
                      corrections.hasPriority() ? corrections.getPriority() : null));
    }
    GatewayRequests.reply(
        commands.completeJob(request.getJobKey(), variables, result),
        ignored -> CompleteJobResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null) {
      return;
    }
    GatewayRequests.reply(
        commands.failJob(
            request.getJobKey(),
            request.getRetries(),
            request.getErrorMessage(),
            request.getRetryBackOff(),
            variables),
        ignored -> FailJobResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null) {
      return;
    }
    if (request.getErrorCode().isBlank()) {
      observer.onError(
          GrpcErrors.invalidArgument("Expected an error code to throw, but it was blank"));
      return;
    }
    GatewayRequests.reply(
        commands.throwError(
            request.getJobKey(), request.getErrorCode(), request.getErrorMessage(), variables),
        ignored -> ThrowErrorResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void updateJobRetries(
      UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    GatewayRequests.reply(
        commands.updateJobRetries(request.getJobKey(), request.getRetries()),
        ignored -> UpdateJobRetriesResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void updateJobTimeout(
      UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    GatewayRequests.reply(
        commands.updateJobTimeout(request.getJobKey(), request.getTimeout()),
        ignored -> UpdateJobTimeoutResponse.getDefaultInstance(),
        observer);
  }

  @Override
  public void evaluateDecision(
      EvaluateDecisionRequest request, StreamObserver<EvaluateDecisionResponse> observer) {
    Map<String, Object> variables = GatewayRequests.variables(request.getVariables(), observer);
    if (variables == null || !GatewayRequests.checkTenant(request.getTenantId(), observer)) {
      return;
    }
    boolean byKey = request.getDecisionKey() > 0;
    boolean byId = !request.getDecisionId().isBlank();
    if (byKey == byId) {
      observer.onError(
          GrpcErrors.invalidArgument(
              "Expected either a decision id or a decision key, but "
                  + (byKey ? "both were given" : "none was given")));
      return;
    }
    GatewayRequests.reply(
        commands.evaluateDecision(request.getDecisionKey(), request.getDecisionId(), variables),
        ProtoMapper::decision,
        observer);
  }
}
