package fr.secondevie.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTests {

  @Test
  void shouldKeepTheErrorsInTheOrderTheFieldsWereChecked() {
    // given: more fields than Map.copyOf keeps in order
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field :
        new String[] {"name", "siret", "legalCategory", "address", "contactEmail", "contactName"}) {
      errors.put(field, "Champ « " + field + " » refusé.");
    }

    // when
    InvalidInputException refused = new InvalidInputException(errors);
    errors.put("later", "ajouté après");

    // then: the same order, a copy that cannot change
    assertThat(refused.errors().keySet())
        .containsExactly(
            "name", "siret", "legalCategory", "address", "contactEmail", "contactName");
    assertThatThrownBy(() -> refused.errors().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldRefuseOneFieldWithItsMessage() {
    // when
    InvalidInputException refused = InvalidInputException.of("costCents", "Coût négatif.");

    // then
    assertThat(refused.errors()).containsExactly(Map.entry("costCents", "Coût négatif."));
    assertThat(refused.getMessage()).contains("costCents", "Coût négatif.");
  }

  @Test
  void shouldKeepTheLinesOfAFileInTheOrderFoundAndTheFirstProblemOfEachFieldForAForm() {
    // given: three problems of a submitted file, two on the same column
    List<InputError> found =
        List.of(
            InputError.atLine(3, "serial", "ABC", "Numéro de série déjà vu ligne 2."),
            InputError.line(7, "garbage", "Ligne illisible."),
            InputError.atLine(9, "serial", "", "Numéro de série manquant."));

    // when
    InvalidInputException refused = new InvalidInputException("Fichier refusé", found);

    // then: every problem in order with its line; the form view keeps a field's first problem
    assertThat(refused.subject()).isEqualTo("Fichier refusé");
    assertThat(refused.inputErrors()).extracting(InputError::line).containsExactly(3, 7, 9);
    assertThat(refused.errors())
        .containsExactly(
            Map.entry("serial", "Numéro de série déjà vu ligne 2."),
            Map.entry("", "Ligne illisible."));
    assertThat(refused.getMessage())
        .isEqualTo(
            "Fichier refusé : 3 erreurs, la première : ligne 3, serial : Numéro de série déjà vu"
                + " ligne 2.");
  }

  @Test
  void shouldShortenALongValueAndRefuseAnErrorWithoutMessage() {
    // when
    InputError error = InputError.atLine(1, "notes", "x".repeat(500), "Trop long.");

    // then
    assertThat(error.value()).hasSize(InputError.MAX_VALUE_LENGTH).endsWith("…");
    assertThatThrownBy(() -> InputError.of("notes", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvalidInputException("Fichier refusé", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
