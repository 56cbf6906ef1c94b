package fr.secondevie.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.secondevie.processes.Models.ProcessUnderTest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** Every BPMN model is valid for Camunda 8.8, drawn, readable and made of supported elements. */
class ProcessModelsTest {

  private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern JOB_TYPE = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*");
  private static final Pattern PASCAL_CASE = Pattern.compile("([A-Z][a-z0-9]+)+");
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern TIME_CYCLE = Pattern.compile("R(\\d*)/(P.+)");
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final String MODELER = "http://camunda.org/schema/modeler/1.0";

  /** Elements the embedded engine does not implement or the project does not use. */
  private static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          BPMN,
          List.of(
              "adHocSubProcess",
              "transaction",
              "complexGateway",
              "compensateEventDefinition",
              "escalationEventDefinition",
              "conditionalEventDefinition",
              "cancelEventDefinition"),
          ZEEBE,
          List.of("executionListeners", "taskListeners", "adHoc"));

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  static Stream<ProcessUnderTest> processes() {
    return Models.PROCESSES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldParseAndMatchTheBpmnSchema(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when / then
    assertThatCode(() -> Bpmn.validateModel(model)).doesNotThrowAnyException();
    Process executable = model.getModelElementById(process.processId());
    assertThat(executable).as("process %s", process.processId()).isNotNull();
    assertThat(executable.isExecutable()).isTrue();
    assertThat(executable.getName()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldPassZeebeValidators(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);

    // then
    List<String> errors = new ArrayList<>();
    results
        .getResults()
        .forEach(
            (element, list) ->
                list.stream()
                    .filter(result -> result.getType() == ValidationResultType.ERROR)
                    .forEach(result -> errors.add(idOf(element) + ": " + result.getMessage())));
    assertThat(errors).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldTargetCamunda88(ProcessUnderTest process) {
    // given
    Element definitions = Models.readDom(process.file()).getDocumentElement();

    // when / then
    assertThat(definitions.getAttributeNS(MODELER, "executionPlatform")).isEqualTo("Camunda Cloud");
    assertThat(definitions.getAttributeNS(MODELER, "executionPlatformVersion")).isEqualTo("8.8.0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDrawEveryFlowNodeAndSequenceFlow(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Map<String, Bounds> shapes = shapes(model);
    Map<String, List<Waypoint>> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      edges.put(edge.getBpmnElement().getId(), new ArrayList<>(edge.getWaypoints()));
    }

    // when / then
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("shape of %s", node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      List<Waypoint> waypoints = edges.get(flow.getId());
      assertThat(waypoints).as("edge of %s", flow.getId()).isNotNull().hasSizeGreaterThan(1);
      Waypoint first = waypoints.get(0);
      Waypoint last = waypoints.get(waypoints.size() - 1);
      assertThat(touches(shapes.get(flow.getSource().getId()), first))
          .as("%s starts on its source", flow.getId())
          .isTrue();
      assertThat(touches(shapes.get(flow.getTarget().getId()), last))
          .as("%s ends on its target", flow.getId())
          .isTrue();
      for (int i = 1; i < waypoints.size(); i++) {
        Waypoint a = waypoints.get(i - 1);
        Waypoint b = waypoints.get(i);
        assertThat(a.getX().equals(b.getX()) || a.getY().equals(b.getY()))
            .as("%s is drawn with straight segments", flow.getId())
            .isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldLayOutShapesWithoutOverlap(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Map<String, Bounds> shapes = shapes(model);
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));

    // when / then
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        if (contains(a, b) || contains(b, a) || attached(a, b) || attached(b, a)) {
          continue;
        }
        assertThat(intersects(shapes.get(a.getId()), shapes.get(b.getId())))
            .as("%s overlaps %s", a.getId(), b.getId())
            .isFalse();
      }
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      assertThat(
              intersects(
                  shapes.get(boundary.getId()), shapes.get(boundary.getAttachedTo().getId())))
          .as("%s sits on the border of its activity", boundary.getId())
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldStartOnTheLeft(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Map<String, Bounds> shapes = shapes(model);
    Process executable = model.getModelElementById(process.processId());
    StartEvent start =
        executable.getChildElementsByType(StartEvent.class).stream().findFirst().orElseThrow();

    // when
    double startX = shapes.get(start.getId()).getX();

    // then
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node != start) {
        assertThat(shapes.get(node.getId()).getX())
            .as("%s is right of the start event", node.getId())
            .isGreaterThan(startX);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldReachEveryElementWithoutDeadEnds(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Process executable = model.getModelElementById(process.processId());
    Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
    Deque<FlowNode> todo = new ArrayDeque<>(executable.getChildElementsByType(StartEvent.class));
    Set<String> reached = new HashSet<>();

    // when
    while (!todo.isEmpty()) {
      FlowNode node = todo.pop();
      if (!reached.add(node.getId())) {
        continue;
      }
      node.getOutgoing().forEach(flow -> todo.push(flow.getTarget()));
      boundaries.stream().filter(b -> b.getAttachedTo() == node).forEach(todo::push);
      if (node instanceof SubProcess subProcess) {
        todo.addAll(subProcess.getChildElementsByType(StartEvent.class));
      }
    }

    // then
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(reached).as("%s is reachable from the start", node.getId()).contains(node.getId());
      if (!(node instanceof EndEvent)) {
        assertThat(node.getOutgoing()).as("%s leads somewhere", node.getId()).isNotEmpty();
      }
      if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
        assertThat(node.getIncoming()).as("%s is entered", node.getId()).isNotEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldUseReadableKebabCaseIds(ProcessUnderTest process) {
    // given
    Document dom = Models.readDom(process.file());

    // when
    List<String> ids = new ArrayList<>();
    forEachElement(
        dom.getDocumentElement(),
        element -> {
          if (element.hasAttribute("id")) {
            ids.add(element.getAttribute("id"));
          }
        });

    // then
    assertThat(ids).isNotEmpty().allMatch(id -> KEBAB_CASE.matcher(id).matches());
    assertThat(ids).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldLabelEveryActivityAndEventInFrench(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when
    List<FlowNode> labelled = new ArrayList<>();
    labelled.addAll(model.getModelElementsByType(Activity.class));
    labelled.addAll(model.getModelElementsByType(Event.class));

    // then
    assertThat(labelled)
        .allSatisfy(node -> assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldWriteFeelExpressionsThatParse(ProcessUnderTest process) {
    // given
    Document dom = Models.readDom(process.file());
    List<String> expressions = new ArrayList<>();
    forEachElement(
        dom.getDocumentElement(),
        element -> {
          NamedNodeMap attributes = element.getAttributes();
          for (int i = 0; i < attributes.getLength(); i++) {
            String value = ((Attr) attributes.item(i)).getValue();
            if (value.startsWith("=")) {
              expressions.add(value.substring(1));
            }
          }
          if (element.getLocalName().equals("conditionExpression")) {
            assertThat(element.getTextContent()).startsWith("=");
            expressions.add(element.getTextContent().substring(1));
          }
        });

    // when / then
    assertThat(expressions).isNotEmpty();
    for (String expression : expressions) {
      ParseResult parsed = FEEL.parseExpression(expression);
      assertThat(parsed.isSuccess()).as("FEEL %s: %s", expression, parsed.failure()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldWriteTimersInIso8601(ProcessUnderTest process) {
    // given
    Document dom = Models.readDom(process.file());
    List<Element> timers = new ArrayList<>();
    for (String name : List.of("timeDuration", "timeCycle", "timeDate")) {
      NodeList list = dom.getElementsByTagNameNS(BPMN, name);
      for (int i = 0; i < list.getLength(); i++) {
        timers.add((Element) list.item(i));
      }
    }

    // when / then
    for (Element timer : timers) {
      String value = timer.getTextContent().trim();
      switch (timer.getLocalName()) {
        case "timeDuration" -> assertThat(Duration.parse(value)).isPositive();
        case "timeCycle" -> {
          Matcher cycle = TIME_CYCLE.matcher(value);
          assertThat(cycle.matches()).as("cycle %s", value).isTrue();
          assertThat(Duration.parse(cycle.group(2))).isPositive();
        }
        default -> throw new AssertionError("Unexpected timer date " + value);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldUseCamundaUserTasksWithDeployedForms(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();
    Collection<String> formIds = Models.forms().keySet();

    // when / then
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(extension(task, ZeebeUserTask.class))
          .as("%s is a zeebe:userTask", task.getId())
          .isNotNull();
      ZeebeFormDefinition form = extension(task, ZeebeFormDefinition.class);
      assertThat(form).as("form of %s", task.getId()).isNotNull();
      assertThat(form.getFormKey()).isNull();
      assertThat(formIds).as("form file of %s", task.getId()).contains(form.getFormId());
      ZeebeAssignmentDefinition assignment = extension(task, ZeebeAssignmentDefinition.class);
      assertThat(assignment).as("candidate groups of %s", task.getId()).isNotNull();
      assertThat(Arrays.asList(assignment.getCandidateGroups().split(",\\s*")))
          .isSubsetOf(Models.constants(CandidateGroups.class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldFollowTheNamingConventions(ProcessUnderTest process) {
    // given
    BpmnModelInstance model = process.model();

    // when / then
    for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      assertThat(task.getType()).matches(JOB_TYPE);
    }
    for (io.camunda.zeebe.model.bpmn.instance.Message message :
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class)) {
      assertThat(message.getName()).matches(PASCAL_CASE);
    }
    for (io.camunda.zeebe.model.bpmn.instance.Error error :
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Error.class)) {
      assertThat(error.getErrorCode()).matches(UPPER_SNAKE);
    }
    for (ErrorEventDefinition definition :
        model.getModelElementsByType(ErrorEventDefinition.class)) {
      assertThat(definition.getError())
          .as("error events name their error (no catch-all)")
          .isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldUseOnlyElementsTheEngineImplements(ProcessUnderTest process) {
    // given
    Document dom = Models.readDom(process.file());

    // when
    List<String> found = new ArrayList<>();
    FORBIDDEN.forEach(
        (namespace, names) -> {
          for (String name : names) {
            if (dom.getElementsByTagNameNS(namespace, name).getLength() > 0) {
              found.add(name);
            }
          }
        });

    // then
    assertThat(found).isEmpty();
    for (ZeebeTaskDefinition task :
        process.model().getModelElementsByType(ZeebeTaskDefinition.class)) {
      assertThat(task.getType()).as("no connectors").doesNotStartWith("io.camunda");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, Bounds> shapes(BpmnModelInstance model) {
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    return shapes;
  }

  private static boolean touches(Bounds bounds, Waypoint point) {
    double tolerance = 1;
    return point.getX() >= bounds.getX() - tolerance
        && point.getX() <= bounds.getX() + bounds.getWidth() + tolerance
        && point.getY() >= bounds.getY() - tolerance
        && point.getY() <= bounds.getY() + bounds.getHeight() + tolerance;
  }

  private static boolean intersects(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  /** Whether {@code inner} is nested, at any depth, in the sub-process {@code outer}. */
  private static boolean contains(FlowNode outer, FlowNode inner) {
    if (!(outer instanceof SubProcess)) {
      return false;
    }
    ModelElementInstance parent = inner.getParentElement();
    while (parent != null) {
      if (parent == outer) {
        return true;
      }
      parent = parent.getParentElement();
    }
    return false;
  }

  private static boolean attached(FlowNode event, FlowNode activity) {
    return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == activity;
  }

  private static <T extends ModelElementInstance> T extension(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getChildElementsByType(type).stream()
        .findFirst()
        .orElse(null);
  }

  private static String idOf(ModelElementInstance element) {
    return element instanceof BaseElement base
        ? base.getId()
        : element.getElementType().getTypeName();
  }

  private static void forEachElement(Element root, java.util.function.Consumer<Element> action) {
    action.accept(root);
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        forEachElement(child, action);
      }
    }
  }
}
