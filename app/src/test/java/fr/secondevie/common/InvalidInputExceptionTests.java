package fr.secondevie.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
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
}
