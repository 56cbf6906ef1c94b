package fr.secondevie.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletedByTests {

  @Test
  void shouldReadThePersonOfTheExpectedTask() {
    // given
    Object variable =
        Map.of(
            "userId", "cmartin", "displayName", "Camille Martin", "taskElementId", "collect-asset");

    // when
    Optional<CompletedBy> completedBy = CompletedBy.of(variable, "collect-asset");

    // then
    assertThat(completedBy).contains(new CompletedBy("cmartin", "Camille Martin", "collect-asset"));
    assertThat(completedBy.get().actor("worker:inventory.record-inspection"))
        .isEqualTo("Camille Martin [cmartin] via worker:inventory.record-inspection");
  }

  @Test
  void shouldIgnoreThePersonOfAnotherTaskOrNoVariable() {
    // given: the variable left by an earlier task
    Object variable =
        Map.of(
            "userId", "directeur", "displayName", "directeur", "taskElementId", "approve-donation");

    // when
    Optional<CompletedBy> completedBy = CompletedBy.of(variable, "hand-over-equipment");

    // then
    assertThat(completedBy).isEmpty();
    assertThat(CompletedBy.of((Object) null, "hand-over-equipment")).isEmpty();
    assertThat(CompletedBy.name(completedBy)).isEqualTo("système");
  }

  @Test
  void shouldKeepTheActorReadableAndBounded() {
    // given: a display name with brackets and far too long
    CompletedBy completedBy = new CompletedBy("u", "[" + "x".repeat(200) + "]", "collect-asset");

    // when
    String actor = completedBy.actor("worker:inventory.record-inspection");

    // then
    assertThat(completedBy.displayName()).startsWith("(").hasSize(80);
    assertThat(actor.length()).isLessThanOrEqualTo(255);
    assertThat(new CompletedBy("jdoe", " ", "t").displayName()).isEqualTo("jdoe");
  }
}
