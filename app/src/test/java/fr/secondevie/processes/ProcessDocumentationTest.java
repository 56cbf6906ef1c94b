package fr.secondevie.processes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.Models.ProcessUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code docs/processes.md} documents every contract item of the models. */
class ProcessDocumentationTest {

  private static final Path DOC = Path.of("..", "docs", "processes.md");

  static Stream<ProcessUnderTest> processes() {
    return Models.PROCESSES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void shouldDocumentEveryJobMessageErrorFormAndTimer(ProcessUnderTest process) throws IOException {
    // given
    String doc = Files.readString(DOC);

    // when / then
    for (String kind : List.of("JobTypes", "Messages", "ErrorCodes", "Forms", "Timers")) {
      for (String value : process.constants(kind)) {
        assertThat(doc).as("%s %s is documented", kind, value).contains("`" + value + "`");
      }
    }
    assertThat(doc).contains("`" + process.processId() + "`");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {AssetRouteDecision.RESOURCE, SupplierMaturityDecision.RESOURCE})
  void shouldDocumentEveryRuleOfTheDecision(String resource) throws IOException {
    // given
    String doc = Files.readString(DOC);
    NodeList rules =
        Models.readDom(Models.bpmnDir().resolve(resource)).getElementsByTagNameNS("*", "rule");

    // when / then
    assertThat(rules.getLength()).isPositive();
    for (int i = 0; i < rules.getLength(); i++) {
      String id = ((Element) rules.item(i)).getAttribute("id");
      assertThat(doc).as("rule %s is documented", id).contains("`" + id + "`");
    }
  }
}
