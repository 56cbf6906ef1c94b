package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.models.BundledModel.Kind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentPlanTest {

  private static BundledModel process(String id, String tag, String... forms) {
    return new BundledModel(Kind.PROCESS, id, tag, List.of(forms), id + ".bpmn", new byte[0]);
  }

  private static BundledModel form(String id) {
    return new BundledModel(Kind.FORM, id, null, List.of(), id + ".form", new byte[0]);
  }

  private static Map<String, List<String>> runtime(String id, String... tagsLatestFirst) {
    Map<String, List<String>> tags = new HashMap<>();
    tags.put(id, Arrays.asList(tagsLatestFirst));
    return tags;
  }

  private static List<String> deployed(DeploymentPlan plan) {
    return plan.toDeploy().stream().map(BundledModel::id).toList();
  }

  @Test
  void shouldDeployWhatTheRuntimeDoesNotHave() {
    // given
    List<BundledModel> bundled = List.of(process("p", "1.0.0", "f"), form("f"));

    // when
    DeploymentPlan plan = DeploymentPlan.of(bundled, Map.of());

    // then
    assertThat(deployed(plan)).containsExactly("p", "f");
  }

  @Test
  void shouldKeepAnOwnersVersionDeployedAfterTheBundledOne() {
    // given the owner deployed an edited model (own tag, or none) over bundled 1.0.0
    List<BundledModel> bundled = List.of(process("p", "1.0.0", "f"), form("f"));

    // when
    DeploymentPlan withOwnTag = DeploymentPlan.of(bundled, runtime("p", "chu-2", "1.0.0"));
    DeploymentPlan withoutTag = DeploymentPlan.of(bundled, runtime("p", null, "1.0.0"));
    DeploymentPlan sameTag = DeploymentPlan.of(bundled, runtime("p", "1.0.0", "1.0.0"));

    // then neither the process nor its form is deployed again
    assertThat(deployed(withOwnTag)).isEmpty();
    assertThat(deployed(withoutTag)).isEmpty();
    assertThat(deployed(sameTag)).isEmpty();
    assertThat(withOwnTag.decisions().get(0).reason()).contains("kept").contains("chu-2");
  }

  @Test
  void shouldDeployABundledModelNewerThanEveryTagOfTheRuntime() {
    // given
    List<BundledModel> bundled = List.of(process("p", "1.10.0", "f"), form("f"));

    // when
    DeploymentPlan newer = DeploymentPlan.of(bundled, runtime("p", "chu-2", "1.9.3"));
    DeploymentPlan older = DeploymentPlan.of(bundled, runtime("p", "2.0", "1.9.3"));

    // then 1.10.0 > 1.9.3 (numbers, not text), but not > 2.0
    assertThat(deployed(newer)).containsExactly("p", "f");
    assertThat(deployed(older)).isEmpty();
  }

  @Test
  void shouldNeverDeployAnUntaggedBundledModelOverAnExistingOne() {
    // given
    List<BundledModel> bundled = List.of(process("p", null));

    // when
    DeploymentPlan plan = DeploymentPlan.of(bundled, runtime("p", (String) null));

    // then
    assertThat(deployed(plan)).isEmpty();
  }

  @Test
  void shouldDeployFormsNoBundledProcessLinks() {
    // given
    List<BundledModel> bundled = List.of(process("p", "1.0.0", "f"), form("f"), form("loose"));

    // when
    DeploymentPlan plan = DeploymentPlan.of(bundled, runtime("p", "1.0.0"));

    // then
    assertThat(deployed(plan)).containsExactly("loose");
  }

  @Test
  void shouldOrderDottedTagsAsNumbers() {
    assertThat(VersionTag.compare("1.10", "1.9")).isPositive();
    assertThat(VersionTag.compare("1.0", "1.0.0")).isZero();
    assertThat(VersionTag.compare("2026.1.0", "2025.12.3")).isPositive();
    assertThat(VersionTag.isOrdered("1.0-rc")).isFalse();
    assertThat(VersionTag.newest(Arrays.asList(null, "chu", "1.2", "1.10"))).contains("1.10");
  }
}
