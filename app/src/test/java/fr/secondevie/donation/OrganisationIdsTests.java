package fr.secondevie.donation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationIdsTests {

  @ParameterizedTest
  @CsvSource({
    "'732 829 320 00074', true",
    "73282932000074, true",
    "73282932000075, false",
    "7328293200007, false",
    "7328293200007A, false",
    "35600000000048, true",
    "35600000012346, true",
    "35600000012345, false"
  })
  void shouldCheckTheSiretKey(String siret, boolean valid) {
    assertThat(OrganisationIds.isValidSiret(OrganisationIds.normalize(siret))).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "W751234567, true",
    "w761000123, true",
    "W2A1002345, true",
    "W75123456, false",
    "X751234567, false",
    "751234567, false"
  })
  void shouldCheckTheRnaNumber(String rna, boolean valid) {
    assertThat(OrganisationIds.isValidRna(OrganisationIds.normalize(rna))).isEqualTo(valid);
  }
}
