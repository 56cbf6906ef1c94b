package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.secondevie.models.ModelChecker.ModelFile;
import fr.secondevie.models.ModelChecker.Problem;
import fr.secondevie.models.ModelChecker.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The process contract checked on the models of the repository ({@code bpmn/} and {@code forms/}),
 * and on altered copies of them: the same check the upload page runs.
 */
class ModelCheckerTests {

  private static final ProcessContract CONTRACT = ProcessContract.ofApplication();

  /** Every file of {@code bpmn/} and {@code forms/} at the repository root. */
  static List<ModelFile> repositoryModels() {
    List<ModelFile> files = new ArrayList<>();
    for (String dir : List.of("bpmn", "forms")) {
      try (Stream<Path> paths = Files.list(Path.of("..", dir))) {
        for (Path path : paths.sorted().toList()) {
          files.add(new ModelFile(path.getFileName().toString(), Files.readAllBytes(path)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static ModelFile file(String name) {
    return repositoryModels().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** A copy of a repository file with one text replaced (which must be there). */
  static ModelFile altered(String name, String text, String replacement) {
    String content = new String(file(name).content(), StandardCharsets.UTF_8);
    assertThat(content).as("%s contains %s", name, text).contains(text);
    return new ModelFile(name, content.replace(text, replacement).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadTheContractFromTheApplicationsWorkersAndConstants() {
    // given the application's classes and bundled models

    // when
    ProcessContract contract = CONTRACT;

    // then
    assertThat(contract.jobTypes())
        .containsEntry("routing.assess-asset", List.of("RoutingWorkers#assess"))
        .containsKey("notification.send-reminder");
    assertThat(contract.jobTypes().keySet()).noneMatch(t -> t.startsWith("test"));
    assertThat(contract.messages())
        .containsEntry("SanitizationReported", "=string(assetId)")
        .containsEntry("DismantlingLotFull", "=string(lotId)")
        .containsEntry("QuestionnaireSubmitted", "=string(applicationId)");
    assertThat(contract.errorCodes()).contains("SANITIZATION_FAILED", "DONATION_NOT_ELIGIBLE");
    assertThat(contract.formIds()).contains("collect-asset", "approve-donation");
    assertThat(contract.decisions().get("asset-route").outputs()).contains("route", "reason");
    assertThat(contract.decisions().get("asset-route").requirementsId()).isNotBlank();
  }

  @Test
  void shouldFindNoProblemInTheRepositoryModels() {
    // given
    List<ModelFile> files = repositoryModels();

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, files);

    // then
    assertThat(files).hasSizeGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldNameARenamedJobType() {
    // given
    ModelFile bpmn =
        altered(
            "asset-end-of-life.bpmn",
            "type=\"routing.assess-asset\"",
            "type=\"routing.assess-equipment\"");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::file, Problem::elementId)
        .containsExactly(tuple(Severity.ERROR, "asset-end-of-life.bpmn", "assess-asset"));
    assertThat(problems.get(0).message()).contains("routing.assess-equipment");
  }

  @Test
  void shouldNameAMissingFormIdUnlessTheFormIsUploadedWithIt() {
    // given
    ModelFile bpmn =
        altered(
            "asset-end-of-life.bpmn", "formId=\"collect-asset\"", "formId=\"collect-asset-v2\"");
    ModelFile form =
        altered("collect-asset.form", "\"id\": \"collect-asset\"", "\"id\": \"collect-asset-v2\"");

    // when
    List<Problem> alone = ModelChecker.check(CONTRACT, List.of(bpmn));
    List<Problem> withForm = ModelChecker.check(CONTRACT, List.of(bpmn, form));

    // then
    assertThat(alone)
        .extracting(Problem::severity, Problem::elementId)
        .containsExactly(tuple(Severity.ERROR, "collect-asset"));
    assertThat(alone.get(0).message()).contains("collect-asset-v2");
    assertThat(withForm).isEmpty();
  }

  @Test
  void shouldNameAnUnknownMessageAndAWrongCorrelationKey() {
    // given
    ModelFile bpmn =
        altered(
            "asset-end-of-life.bpmn",
            "name=\"SanitizationReported\"",
            "name=\"WipeReportArrived\"");
    String content =
        new String(bpmn.content(), StandardCharsets.UTF_8)
            .replaceFirst(
                "(name=\"ReconditioningCompleted\">\\s*<bpmn:extensionElements>\\s*"
                    + "<zeebe:subscription correlationKey=)\"=string\\(assetId\\)\"",
                "$1\"=inventoryNumber\"");
    ModelFile changed = new ModelFile(bpmn.name(), content.getBytes(StandardCharsets.UTF_8));

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(changed));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::elementId)
        .containsExactlyInAnyOrder(
            tuple(Severity.ERROR, "wait-for-wipe-report"),
            tuple(Severity.ERROR, "wait-for-reconditioning"));
    assertThat(problems)
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("WipeReportArrived"))
        .anyMatch(m -> m.contains("=inventoryNumber") && m.contains("=string(assetId)"));
  }

  @Test
  void shouldNameAnUnreadableTimer() {
    // given
    ModelFile bpmn = altered("asset-end-of-life.bpmn", ">R/P3D<", ">tous les 3 jours<");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::elementId)
        .containsExactly(tuple(Severity.ERROR, "collection-reminder"));
    assertThat(problems.get(0).message()).contains("tous les 3 jours");
  }

  @Test
  void shouldWarnOfAnErrorCaughtThatNothingThrows() {
    // given
    ModelFile bpmn =
        altered(
            "asset-end-of-life.bpmn",
            "errorCode=\"SANITIZATION_FAILED\"",
            "errorCode=\"WIPE_FAILED\"");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::elementId)
        .containsExactly(tuple(Severity.WARNING, "sanitization-failed"));
    assertThat(ModelChecker.hasErrors(problems)).isFalse();
  }

  @Test
  void shouldNameWhatTheRuntimeRefuses() {
    // given a service task without its task definition
    ModelFile bpmn =
        altered(
            "asset-end-of-life.bpmn",
            "<zeebe:taskDefinition type=\"routing.assess-asset\" retries=\"3\" />",
            "");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::elementId)
        .contains(tuple(Severity.ERROR, "assess-asset"));
    assertThat(problems).extracting(Problem::message).allMatch(m -> m.contains("Camunda 8"));
  }

  @Test
  void shouldNameADecisionOutputTheCodeReadsAndAnInputTheProcessDoesNotMap() {
    // given
    ModelFile dmn = altered("asset-route.dmn", "name=\"reason\"", "name=\"motif\"");
    String content =
        new String(dmn.content(), StandardCharsets.UTF_8)
            .replace("<text>osSupported</text>", "<text>osVersion</text>");
    ModelFile changed = new ModelFile(dmn.name(), content.getBytes(StandardCharsets.UTF_8));

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(changed));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::elementId)
        .containsExactlyInAnyOrder(
            tuple(Severity.ERROR, "asset-route"), tuple(Severity.ERROR, "input-os-supported"));
  }

  @Test
  void shouldNameAMissingDecisionAndAnUnknownCalledDecision() {
    // given
    ModelFile dmn =
        altered("asset-route.dmn", "<decision id=\"asset-route\"", "<decision id=\"route\"");
    ModelFile bpmn =
        altered("asset-end-of-life.bpmn", "decisionId=\"asset-route\"", "decisionId=\"route-v2\"");

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, List.of(dmn, bpmn));

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::file, Problem::elementId)
        .containsExactlyInAnyOrder(
            tuple(Severity.ERROR, "asset-route.dmn", "asset-route"),
            tuple(Severity.ERROR, "asset-end-of-life.bpmn", "decide-route"));
  }

  @Test
  void shouldRefuseUnreadableFilesWithTheirName() {
    // given
    List<ModelFile> files =
        List.of(
            new ModelFile("broken.bpmn", "<bpmn:definitions".getBytes(StandardCharsets.UTF_8)),
            new ModelFile("broken.dmn", "not xml".getBytes(StandardCharsets.UTF_8)),
            new ModelFile("no-id.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8)),
            new ModelFile("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));

    // when
    List<Problem> problems = ModelChecker.check(CONTRACT, files);

    // then
    assertThat(problems)
        .extracting(Problem::severity, Problem::file)
        .containsExactlyInAnyOrder(
            tuple(Severity.ERROR, "broken.bpmn"),
            tuple(Severity.ERROR, "broken.dmn"),
            tuple(Severity.ERROR, "no-id.form"),
            tuple(Severity.ERROR, "notes.txt"));
  }
}
