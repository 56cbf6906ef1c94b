package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.processing.behavior.IncidentBehavior;
import fr.secondevie.engine.processing.behavior.JobBehavior;
import fr.secondevie.engine.processing.behavior.VariableBehavior;
import fr.secondevie.engine.state.ElementInstance;
import java.util.EnumMap;
import java.util.Map;

/**
 * The registry of element behaviours, one per element type, and the shared behaviours they are
 * given. Built once per engine.
 */
public final class BpmnBehaviors {

  private final EngineContext ctx;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final JobBehavior jobs;
  private final ElementLifecycle lifecycle;
  private final EventSubscriptionBehavior subscriptions;
  private final EventTriggerBehavior triggers;
  private final ErrorBehavior errors;
  private final ProcessInstanceCreator creator;
  private final MessageCorrelator messages;
  private final CallActivityBehavior callActivities;
  private final MultiInstanceBodyBehavior multiInstance;
  private final EscalationBehavior escalations;
  private final ListenerJobs listenerJobs;
  private final TaskListenerBehavior taskListeners;
  private final AdHocSubProcessBehavior adHoc;
  private final CompensationBehavior compensations;
  private ProcessInstanceListener listener = ProcessInstanceListener.NONE;
  private final Map<ElementType, BpmnElementBehavior> registry = new EnumMap<>(ElementType.class);

  public BpmnBehaviors(EngineContext ctx) {
    this.ctx = ctx;
    this.variables = new VariableBehavior(ctx);
    this.incidents = new IncidentBehavior(ctx);
    this.jobs = new JobBehavior(ctx);
    this.lifecycle = new ElementLifecycle(ctx, this);
    this.subscriptions = new EventSubscriptionBehavior(ctx, this);
    this.triggers = new EventTriggerBehavior(ctx, this);
    this.errors = new ErrorBehavior(this);
    this.creator = new ProcessInstanceCreator(ctx, this);
    this.messages = new MessageCorrelator(ctx, this);
    this.callActivities = new CallActivityBehavior(this);
    this.multiInstance = new MultiInstanceBodyBehavior(this);
    this.escalations = new EscalationBehavior(this);
    this.listenerJobs = new ListenerJobs(ctx, this);
    this.taskListeners = new TaskListenerBehavior(ctx, this);
    this.adHoc = new AdHocSubProcessBehavior(this);
    this.compensations = new CompensationBehavior(ctx, this);

    // containers
    registry.put(ElementType.PROCESS, new ProcessBehavior(this));
    registry.put(ElementType.SUB_PROCESS, new SubProcessBehavior(this));
    registry.put(ElementType.EVENT_SUB_PROCESS, new SubProcessBehavior(this));
    registry.put(ElementType.CALL_ACTIVITY, callActivities);
    registry.put(ElementType.MULTI_INSTANCE_BODY, multiInstance);
    registry.put(ElementType.AD_HOC_SUB_PROCESS, adHoc);
    registry.put(
        ElementType.AD_HOC_SUB_PROCESS_INNER_INSTANCE,
        new AdHocSubProcessBehavior.InnerInstanceBehavior(this));
    // tasks
    registry.put(ElementType.SERVICE_TASK, new ServiceTaskBehavior(this));
    registry.put(ElementType.SEND_TASK, new ServiceTaskBehavior(this));
    registry.put(ElementType.RECEIVE_TASK, new ReceiveTaskBehavior(this));
    registry.put(ElementType.USER_TASK, new UserTaskBehavior(this));
    registry.put(ElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskBehavior(this));
    registry.put(ElementType.SCRIPT_TASK, new ScriptTaskBehavior(this));
    registry.put(ElementType.MANUAL_TASK, new PassThroughTaskBehavior(this));
    registry.put(ElementType.TASK, new PassThroughTaskBehavior(this));
    // gateways
    registry.put(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayBehavior(this));
    registry.put(ElementType.PARALLEL_GATEWAY, new ParallelGatewayBehavior(this));
    registry.put(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayBehavior(this));
    registry.put(ElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayBehavior(this));
    // events
    registry.put(ElementType.START_EVENT, new StartEventBehavior(this));
    registry.put(ElementType.END_EVENT, new EndEventBehavior(this));
    registry.put(ElementType.INTERMEDIATE_CATCH_EVENT, new IntermediateCatchEventBehavior(this));
    registry.put(ElementType.INTERMEDIATE_THROW_EVENT, new IntermediateThrowEventBehavior(this));
    registry.put(ElementType.BOUNDARY_EVENT, new BoundaryEventBehavior(this));
  }

  public BpmnElementBehavior behavior(ExecutableElement element) {
    BpmnElementBehavior behavior = registry.get(element.type());
    if (behavior == null) {
      throw new IllegalStateException(
          "Expected to find a behaviour for the element type '"
              + element.type()
              + "' but found none");
    }
    return behavior;
  }

  /** Activates an inner element of an active ad-hoc sub-process (the activation command). */
  public void activateInAdHoc(
      ElementInstance adHocInstance, ExecutableElement element, Map<String, Object> variables) {
    adHoc.activateElement(adHocInstance, element, variables);
  }

  /** Terminates the inner instances of an ad-hoc sub-process still active. */
  public void cancelAdHocRemaining(ElementInstance adHocInstance) {
    adHoc.cancelRemaining(adHocInstance);
  }

  public ProcessInstanceListener listener() {
    return listener;
  }

  public void listener(ProcessInstanceListener listener) {
    this.listener = listener;
  }

  public EngineContext ctx() {
    return ctx;
  }

  public VariableBehavior variables() {
    return variables;
  }

  public IncidentBehavior incidents() {
    return incidents;
  }

  public JobBehavior jobs() {
    return jobs;
  }

  public ElementLifecycle lifecycle() {
    return lifecycle;
  }

  public EventSubscriptionBehavior subscriptions() {
    return subscriptions;
  }

  public EventTriggerBehavior triggers() {
    return triggers;
  }

  public ListenerJobs listenerJobs() {
    return listenerJobs;
  }

  public TaskListenerBehavior taskListeners() {
    return taskListeners;
  }

  public ErrorBehavior errors() {
    return errors;
  }

  public ProcessInstanceCreator creator() {
    return creator;
  }

  public MessageCorrelator messages() {
    return messages;
  }

  CallActivityBehavior callActivities() {
    return callActivities;
  }

  MultiInstanceBodyBehavior multiInstance() {
    return multiInstance;
  }

  EscalationBehavior escalations() {
    return escalations;
  }

  AdHocSubProcessBehavior adHoc() {
    return adHoc;
  }

  CompensationBehavior compensations() {
    return compensations;
  }
}
