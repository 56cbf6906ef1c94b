package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.secondevie.models.ModelChanges.Change;
import fr.secondevie.models.ModelChecker.ModelFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an uploaded form changes compared with the running one, component by component. */
class FormChangesTests {

  static final String UNIT_COUNT_REQUIRED =
      "\"validate\": {\n        \"required\": true,\n        \"min\": 1\n      }";

  /** The repository's pickup form with a label, a rule, a required flag and a field changed. */
  static ModelFile changedPickupForm() {
    ModelFile labelled =
        ModelCheckerTests.altered(
            "confirm-pickup.form", "\"label\": \"Poids (kg)\"", "\"label\": \"Poids net (kg)\"");
    String content =
        new String(labelled.content(), java.nio.charset.StandardCharsets.UTF_8)
            .replace(UNIT_COUNT_REQUIRED, "\"validate\": {\n        \"min\": 2\n      }")
            .replace("\"key\": \"pickupNotes\"", "\"key\": \"pickupRemarks\"");
    return new ModelFile(
        "confirm-pickup.form", content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void shouldNameComponentsAddedRemovedAndChangedByKey() {
    // given
    ModelFile running = ModelCheckerTests.file("confirm-pickup.form");
    assertThat(new String(running.content(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(UNIT_COUNT_REQUIRED);
    ModelFile uploaded = changedPickupForm();

    // when
    List<Change> changes =
        FormChanges.diff(uploaded.name(), "confirm-pickup", running.content(), uploaded.content());

    // then
    assertThat(changes)
        .extracting(Change::modelId, Change::what, Change::elementId)
        .containsExactly(
            tuple("confirm-pickup", "modifié", "pickedUpUnitCount"),
            tuple("confirm-pickup", "modifié", "weightKg"),
            tuple("confirm-pickup", "ajouté", "pickupRemarks"),
            tuple("confirm-pickup", "retiré", "pickupNotes"));
    assertThat(changes.get(0).detail())
        .isEqualTo("n'est plus obligatoire ; validation min : « 1 » → « 2 »");
    assertThat(changes.get(1).detail()).isEqualTo("libellé : « Poids (kg) » → « Poids net (kg) »");
    assertThat(changes.get(2).detail()).isEqualTo("textarea « Observations »");
  }

  @Test
  void shouldFindNoChangeInTheSameForm() {
    // given
    ModelFile form = ModelCheckerTests.file("confirm-pickup.form");

    // when
    List<Change> changes =
        FormChanges.diff(form.name(), "confirm-pickup", form.content(), form.content());

    // then
    assertThat(changes).isEmpty();
  }
}
