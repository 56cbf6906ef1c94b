package fr.secondevie.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CustodyTextTests {

  @Test
  void shouldGiveAnAgeInYearsAndMonths() {
    // given
    BigDecimal age = new BigDecimal("8.59726");

    // when
    String text = CustodyText.years(age);

    // then
    assertThat(text).isEqualTo("8 ans et 7 mois");
    assertThat(CustodyText.years(BigDecimal.ONE)).isEqualTo("1 an");
    assertThat(CustodyText.years(new BigDecimal("0.5"))).isEqualTo("6 mois");
    assertThat(CustodyText.years(new BigDecimal("0.01"))).isEqualTo("moins d'un mois");
  }

  @Test
  void shouldWriteEurosTheFrenchWay() {
    // given
    BigDecimal zero = new BigDecimal("0.0");

    // when
    String text = CustodyText.euros(zero);

    // then
    assertThat(text).isEqualTo("0,00\u00a0€");
    assertThat(CustodyText.euros(new BigDecimal("1234.5"))).isEqualTo("1\u00a0234,50\u00a0€");
  }

  @Test
  void shouldNameThePersonBehindAWorkerAndTheSystemOtherwise() {
    // given
    String person = "Camille Martin [cmartin] via worker:inventory.record-inspection";

    // when
    CustodyText.Actor actor = CustodyText.actor(person);

    // then
    assertThat(actor.name()).isEqualTo("Camille Martin");
    assertThat(actor.technical())
        .isEqualTo(
            "identifiant cmartin, enregistré par le traitement automatique"
                + " inventory.record-inspection");
    assertThat(CustodyText.actor("worker:inventory.update-status").name()).isEqualTo("système");
    assertThat(CustodyText.actor("gestionnaire").name()).isEqualTo("gestionnaire");
  }

  @Test
  void shouldTranslateTheCodesDatesAndNumbersOfStoredDetails() {
    // given: details as workers wrote them before issue 14
    String details =
        "contrôle de légalité : 8.591781 ans, valeur unitaire 0.0 € (plafond 300 €), effacement"
            + " PASSED ; Certificat d'effacement CE-000001 : support S4GENX0R123456 (NVME), PURGE"
            + " atteint pour PURGE requis ; réalisé le 2026-03-12T15:10 ; décision asset-route";

    // when
    String text = CustodyText.plain(details);

    // then
    assertThat(text)
        .isEqualTo(
            "contrôle de légalité : 8 ans et 7 mois, valeur unitaire 0,00\u00a0€ (plafond"
                + " 300,00\u00a0€), effacement conforme ; Certificat d'effacement CE-000001 :"
                + " support S4GENX0R123456 (SSD NVMe), Purge atteint pour Purge requis ; réalisé"
                + " le 12/03/2026 à 15:10 ; décision d'orientation");
  }

  @Test
  void shouldLeaveSerialsReferencesAndGroupedAmountsAlone() {
    // given
    String details = "support WD-PURGED-1, convention CG-2026-000001, facture 1 234,56 €";

    // when
    String text = CustodyText.plain(details);

    // then
    assertThat(text).isEqualTo(details);
  }
}
