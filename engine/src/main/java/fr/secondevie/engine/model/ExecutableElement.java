package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flow node (or the process itself) ready to run. Built once by {@link BpmnTransformer}; never
 * changed afterwards. Attributes that do not apply to the element type are {@code null} or empty.
 */
public final class ExecutableElement {

  private final String id;
  private final String name;
  private final ElementType type;
  private final EventKind eventKind;
  private final ExecutableElement flowScope;
  private final List<ExecutableFlow> incoming = new ArrayList<>();
  private final List<ExecutableFlow> outgoing = new ArrayList<>();
  private final List<ExecutableElement> boundaryEvents = new ArrayList<>();
  private final List<ExecutableElement> startEvents = new ArrayList<>();
  private final List<ExecutableElement> eventSubProcesses = new ArrayList<>();
  private ExecutableFlow defaultFlow;
  private ExecutableElement attachedTo;
  private boolean interrupting = true;
  private List<Mapping> inputMappings = List.of();
  private List<Mapping> outputMappings = List.of();
  private JobDefinition job;
  private UserTaskDefinition userTask;
  private Expression messageName;
  private Expression correlationKey;
  private TimerDefinition timer;
  private String errorCode;
  private Expression thrownErrorCode;
  private Expression calledDecisionId;
  private String resultVariable;
  private Expression script;
  private CalledElement calledElement;
  private LoopDefinition loop;
  private ExecutableElement innerActivity;
  private Expression signalName;
  private String linkName;
  private ExecutableElement linkTarget;
  private Expression escalationCode;
  private boolean afterEventBasedGateway;
  private Map<String, Set<String>> joinReach = Map.of();
  private AdHocDefinition adHoc;
  private boolean forCompensation;
  private ExecutableElement compensationHandler;
  private ExecutableElement compensationActivity;
  private ExecutableProcess process;
  private List<ListenerDefinition> listeners = List.of();

  public ExecutableElement(
      String id, String name, ElementType type, EventKind eventKind, ExecutableElement flowScope) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.eventKind = eventKind;
    this.flowScope = flowScope;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ElementType type() {
    return type;
  }

  public EventKind eventKind() {
    return eventKind;
  }

  /** The element containing this one (process or sub-process); {@code null} for the process. */
  public ExecutableElement flowScope() {
    return flowScope;
  }

  public ExecutableProcess process() {
    return process;
  }

  public List<ExecutableFlow> incoming() {
    return incoming;
  }

  public List<ExecutableFlow> outgoing() {
    return outgoing;
  }

  public ExecutableFlow defaultFlow() {
    return defaultFlow;
  }

  public List<ExecutableElement> boundaryEvents() {
    return boundaryEvents;
  }

  /** For containers (process, sub-process): their start events. */
  public List<ExecutableElement> startEvents() {
    return startEvents;
  }

  /**
   * For containers (process, sub-processes): their event sub-processes, which are not reached by
   * sequence flows but started by the event of their start event.
   */
  public List<ExecutableElement> eventSubProcesses() {
    return eventSubProcesses;
  }

  /** The none start event of a container, or {@code null}. */
  public ExecutableElement noneStartEvent() {
    return startEvents.stream()
        .filter(e -> e.eventKind() == EventKind.NONE)
        .findFirst()
        .orElse(null);
  }

  public ExecutableElement attachedTo() {
    return attachedTo;
  }

  public boolean interrupting() {
    return interrupting;
  }

  public List<Mapping> inputMappings() {
    return inputMappings;
  }

  public List<Mapping> outputMappings() {
    return outputMappings;
  }

  /** The job definition when the element is executed by a job worker, else {@code null}. */
  public JobDefinition job() {
    return job;
  }

  public UserTaskDefinition userTask() {
    return userTask;
  }

  public Expression messageName() {
    return messageName;
  }

  public Expression correlationKey() {
    return correlationKey;
  }

  public TimerDefinition timer() {
    return timer;
  }

  /** The error code thrown (error end) or caught ({@code null} for a catch-all boundary). */
  public String errorCode() {
    return errorCode;
  }

  /** The error code an error end event throws (static or FEEL). */
  public Expression thrownErrorCode() {
    return thrownErrorCode;
  }

  public Expression calledDecisionId() {
    return calledDecisionId;
  }

  public String resultVariable() {
    return resultVariable;
  }

  public Expression script() {
    return script;
  }

  /** {@code zeebe:calledElement} of a call activity, else {@code null}. */
  public CalledElement calledElement() {
    return calledElement;
  }

  /**
   * For a multi-instance body: the loop characteristics; {@code null} for any other element. The
   * body carries the activity's id, flows and boundary events; its {@link #innerActivity} is the
   * activity run once per item.
   */
  public LoopDefinition loop() {
    return loop;
  }

  /** For a multi-instance body: the activity it runs per item, else {@code null}. */
  public ExecutableElement innerActivity() {
    return innerActivity;
  }

  /** The signal name of a signal event (static or FEEL), else {@code null}. */
  public Expression signalName() {
    return signalName;
  }

  /** The link name of a link event, else {@code null}. */
  public String linkName() {
    return linkName;
  }

  /** For a link throw event: the link catch event of its scope with the same name. */
  public ExecutableElement linkTarget() {
    return linkTarget;
  }

  /**
   * The escalation code an escalation event throws (static or FEEL), or catches (static; {@code
   * null} for a catch-all).
   */
  public Expression escalationCode() {
    return escalationCode;
  }

  /** Whether this catch event follows an event-based gateway (it completes once reached). */
  public boolean afterEventBasedGateway() {
    return afterEventBasedGateway;
  }

  /**
   * For a joining inclusive gateway: per incoming flow id, the ids of the elements of its scope
   * from which that flow can still be reached.
   */
  public Map<String, Set<String>> joinReach() {
    return joinReach;
  }

  /**
   * The execution listeners ({@code start}, {@code end}) or user task listeners ({@code creating},
   * {@code assigning}, {@code updating}, {@code completing}) of an event type, in model order.
   */
  public List<ListenerDefinition> listeners(String eventType) {
    if (listeners.isEmpty()) {
      return List.of();
    }
    return listeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }

  /** For an ad-hoc sub-process: how it runs, else {@code null}. */
  public AdHocDefinition adHoc() {
    return adHoc;
  }

  /** Whether the activity is a compensation handler ({@code isForCompensation}). */
  public boolean forCompensation() {
    return forCompensation;
  }

  /** For a compensation boundary event: the handler its association points to, else null. */
  public ExecutableElement compensationHandler() {
    return compensationHandler;
  }

  /**
   * For a compensation throw or end event: the activity its {@code activityRef} names ({@code
   * null}: every completed activity of its scope).
   */
  public ExecutableElement compensationActivity() {
    return compensationActivity;
  }

  /** The compensation boundary event attached to this activity, or {@code null}. */
  public ExecutableElement compensationBoundaryEvent() {
    return boundaryEvents.stream()
        .filter(e -> e.eventKind() == EventKind.COMPENSATION)
        .findFirst()
        .orElse(null);
  }

  public boolean isContainer() {
    return type == ElementType.PROCESS
        || type == ElementType.SUB_PROCESS
        || type == ElementType.EVENT_SUB_PROCESS;
  }

  // ---- building, used only by the transformer

  void defaultFlow(ExecutableFlow flow) {
    this.defaultFlow = flow;
  }

  void attachTo(ExecutableElement activity, boolean interrupting) {
    this.attachedTo = activity;
    this.interrupting = interrupting;
    activity.boundaryEvents.add(this);
  }

  void mappings(List<Mapping> inputs, List<Mapping> outputs) {
    this.inputMappings = List.copyOf(inputs);
    this.outputMappings = List.copyOf(outputs);
  }

  void job(JobDefinition job) {
    this.job = job;
  }

  void userTask(UserTaskDefinition userTask) {
    this.userTask = userTask;
  }

  void message(Expression name, Expression correlationKey) {
    this.messageName = name;
    this.correlationKey = correlationKey;
  }

  void timer(TimerDefinition timer) {
    this.timer = timer;
  }

  void errorCode(String errorCode) {
    this.errorCode = errorCode;
  }

  void thrownErrorCode(Expression errorCode) {
    this.thrownErrorCode = errorCode;
  }

  void calledDecision(Expression decisionId, String resultVariable) {
    this.calledDecisionId = decisionId;
    this.resultVariable = resultVariable;
  }

  void script(Expression script, String resultVariable) {
    this.script = script;
    this.resultVariable = resultVariable;
  }

  void calledElement(CalledElement calledElement) {
    this.calledElement = calledElement;
  }

  void loop(LoopDefinition loop, ExecutableElement innerActivity) {
    this.loop = loop;
    this.innerActivity = innerActivity;
  }

  void signalName(Expression signalName) {
    this.signalName = signalName;
  }

  void link(String linkName) {
    this.linkName = linkName;
  }

  void linkTarget(ExecutableElement linkTarget) {
    this.linkTarget = linkTarget;
  }

  void escalationCode(Expression escalationCode) {
    this.escalationCode = escalationCode;
  }

  void interrupting(boolean interrupting) {
    this.interrupting = interrupting;
  }

  void afterEventBasedGateway(boolean afterEventBasedGateway) {
    this.afterEventBasedGateway = afterEventBasedGateway;
  }

  void joinReach(Map<String, Set<String>> joinReach) {
    this.joinReach = Map.copyOf(joinReach);
  }

  void listeners(List<ListenerDefinition> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  void adHoc(AdHocDefinition adHoc) {
    this.adHoc = adHoc;
  }

  void forCompensation(boolean forCompensation) {
    this.forCompensation = forCompensation;
  }

  void compensationHandler(ExecutableElement handler) {
    this.compensationHandler = handler;
  }

  void compensationActivity(ExecutableElement activity) {
    this.compensationActivity = activity;
  }

  void process(ExecutableProcess process) {
    this.process = process;
  }

  @Override
  public String toString() {
    return type + "[" + id + "]";
  }

  /** Headers copied for workers; unmodifiable. */
  public Map<String, String> headers() {
    if (job != null) {
      return job.headers();
    }
    return userTask != null ? userTask.headers() : Map.of();
  }
}
