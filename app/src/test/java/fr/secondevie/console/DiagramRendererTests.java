package fr.secondevie.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.console.DiagramRenderer.DiagramException;
import fr.secondevie.console.DiagramRenderer.Marks;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The server-side SVG of a process, drawn from its BPMN diagram interchange. */
class DiagramRendererTests {

  static String xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model);
  }

  static BpmnModelInstance threeSteps(String taskName) {
    return Bpmn.createExecutableProcess("three-steps")
        .startEvent("start")
        .serviceTask("work", t -> t.name(taskName).zeebeJobType("work"))
        .exclusiveGateway("choice")
        .defaultFlow()
        .endEvent("end")
        .done();
  }

  /** The SVG as a DOM, to check it is well-formed XML and read its groups. */
  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  static Set<String> drawnIds(Document svg) {
    Set<String> ids = new HashSet<>();
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      ids.add(((Element) groups.item(i)).getAttribute("data-element-id"));
    }
    return ids;
  }

  static String stateOf(Document svg, String elementId) {
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (elementId.equals(g.getAttribute("data-element-id"))) {
        return g.getAttribute("data-state");
      }
    }
    return null;
  }

  @Test
  void shouldDrawEveryElementOfEveryShippedProcess() throws Exception {
    // given
    Resource[] models =
        new PathMatchingResourcePatternResolver().getResources("classpath*:/models/*.bpmn");
    assertThat(models).hasSizeGreaterThanOrEqualTo(5);

    for (Resource resource : models) {
      String content = new String(resource.getContentAsByteArray(), StandardCharsets.UTF_8);
      BpmnModelInstance model =
          Bpmn.readModelFromStream(
              new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));

      // when
      Document svg = parse(DiagramRenderer.render(content, Marks.none()));

      // then: every flow element (task, event, gateway, flow, sub-process) has its group
      Set<String> drawn = drawnIds(svg);
      List<String> flowElements =
          model.getModelElementsByType(FlowElement.class).stream().map(BaseElement::getId).toList();
      assertThat(flowElements).as(resource.getFilename()).isNotEmpty();
      assertThat(drawn).as(resource.getFilename()).containsAll(flowElements);
      // and every shape and edge of the diagram interchange
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        assertThat(drawn).contains(shape.getBpmnElement().getId());
      }
      for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
        assertThat(drawn).contains(edge.getBpmnElement().getId());
      }
    }
  }

  @Test
  void shouldMarkActiveCompletedAndIncidentElementsAndTakenFlows() throws Exception {
    // given
    BpmnModelInstance model = threeSteps("Travailler");
    String firstFlow =
        model
            .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.SequenceFlow.class)
            .stream()
            .filter(f -> f.getSource().getId().equals("start"))
            .findFirst()
            .orElseThrow()
            .getId();

    // when
    Document svg =
        parse(
            DiagramRenderer.render(
                xml(model),
                new Marks(Set.of("work"), Set.of("start"), Set.of("work"), Set.of(firstFlow))));

    // then
    assertThat(stateOf(svg, "start")).isEqualTo("completed");
    assertThat(stateOf(svg, "work")).isEqualTo("incident");
    assertThat(stateOf(svg, firstFlow)).isEqualTo("completed");
    assertThat(stateOf(svg, "choice")).isEqualTo("none");
    assertThat(stateOf(svg, "end")).isEqualTo("none");
  }

  @Test
  void shouldKeepTheNameWrittenBelowTheFirstEventInsideTheDrawing() throws Exception {
    // given: the first shape of the drawing is an event whose name is wider than the event
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("labelled")
            .startEvent("start")
            .name("Étiquette de réforme demandée")
            .serviceTask("work", t -> t.name("Imprimer").zeebeJobType("work"))
            .endEvent("end")
            .done();
    BpmnShape start =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(sh -> "start".equals(sh.getBpmnElement().getAttributeValue("id")))
            .findFirst()
            .orElseThrow();
    double centre = start.getBounds().getX() + start.getBounds().getWidth() / 2;
    double halfName = "Étiquette de réforme demandée".length() * 3.0;

    // when
    Document svg = parse(DiagramRenderer.render(xml(model), Marks.none()));

    // then: the view box starts left of where the centred name starts
    String[] viewBox = svg.getDocumentElement().getAttribute("viewBox").split(" ");
    assertThat(Double.parseDouble(viewBox[0])).isLessThan(centre - halfName);
  }

  @Test
  void shouldEscapeNamesAndSayTheStateInEachTitle() throws Exception {
    // given: a name that would be markup
    BpmnModelInstance model = threeSteps("<script>alert('x')</script> & co");

    // when
    String svg =
        DiagramRenderer.render(xml(model), new Marks(Set.of("work"), Set.of(), Set.of(), Set.of()));

    // then: no element of the name's making, the text kept, the state in the title
    Document document = parse(svg);
    assertThat(document.getElementsByTagName("script").getLength()).isZero();
    assertThat(svg)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co (work) — actif");
  }

  @Test
  void shouldRefuseAModelWithoutDiagram() throws IOException {
    // given: a process without BPMN DI
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process>
        </bpmn:definitions>
        """;

    // when / then
    assertThatThrownBy(() -> DiagramRenderer.render(xml, Marks.none()))
        .isInstanceOf(DiagramException.class)
        .hasMessageContaining("diagramme");
    assertThatThrownBy(() -> DiagramRenderer.render("pas du XML", Marks.none()))
        .isInstanceOf(DiagramException.class)
        .hasMessageContaining("ne peut pas être lu");
  }
}
