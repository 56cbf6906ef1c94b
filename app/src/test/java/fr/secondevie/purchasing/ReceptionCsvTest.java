package fr.secondevie.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reception file of a delivery: what it gives, and every problem named by line and column. */
class ReceptionCsvTest {

  @Test
  void shouldReadAcceptedAndRefusedUnitsWhateverTheCaseAndAccentsOfTheDecision() {
    // given: a byte order mark, a blank line, decisions written in several ways
    String file =
        "\uFEFFnumero_de_serie;decision;motif\n"
            + "PF-4A11;acceptée;\n"
            + "\n"
            + "PF-4A12;ACCEPTEE;\n"
            + "PF-4A13;Refusée;\"écran fissuré; coque rayée\"\n";

    // when
    ReceptionCsv.Units units = ReceptionCsv.parse(file.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(units.accepted()).containsExactly("PF-4A11", "PF-4A12");
    assertThat(units.refused())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.serialNumber()).isEqualTo("PF-4A13");
              assertThat(u.refusalReason()).isEqualTo("écran fissuré; coque rayée");
            });
    assertThat(units.acceptedText()).isEqualTo("PF-4A11\nPF-4A12");
    assertThat(units.refusedText()).isEqualTo("PF-4A13 ; écran fissuré; coque rayée");
    assertThat(units.lineOf("pf-4a12")).as("line in the file, blank line counted").isEqualTo(4);
  }

  @Test
  void shouldReadACommaSeparatedFileWithItsColumnsInAnotherOrder() {
    // given
    String file = "decision,numero_de_serie,motif\nrefusee,SN-2,carton ouvert\naccepte,SN-1,\n";

    // when
    ReceptionCsv.Units units = ReceptionCsv.parse(file.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(units.accepted()).containsExactly("SN-1");
    assertThat(units.refused()).extracting(ReceptionUnit::serialNumber).containsExactly("SN-2");
  }

  @Test
  void shouldReportEveryBadRowByLineAndColumnAndGiveNothing() {
    // given: five bad rows among good ones
    String file =
        "numero_de_serie;decision;motif\n"
            + "SN-1;acceptée;\n"
            + ";acceptée;\n"
            + "SN-3;livrée;\n"
            + "SN-4;refusée;\n"
            + "SN-5;acceptée;rayure\n"
            + "sn-1;refusée;doublon\n";

    // when / then
    assertThatThrownBy(() -> ReceptionCsv.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        Map.entry(
                            "line3.numero_de_serie",
                            "Ligne 3, colonne numero_de_serie : vide : indiquez le numéro de série"
                                + " de l'unité."),
                        Map.entry(
                            "line4.decision",
                            "Ligne 4, colonne decision : « livrée » : écrivez « acceptée » ou"
                                + " « refusée »."),
                        Map.entry(
                            "line5.motif",
                            "Ligne 5, colonne motif : vide : indiquez pourquoi l'unité est"
                                + " refusée."),
                        Map.entry(
                            "line6.motif",
                            "Ligne 6, colonne motif : laissez vide pour une unité acceptée."),
                        Map.entry(
                            "line7.numero_de_serie",
                            "Ligne 7, colonne numero_de_serie : « sn-1 » figure déjà ligne 2.")));
  }

  @Test
  void shouldNameAMissingOrUnknownColumnOfTheHeader() {
    // given
    String file = "serie;decision\nSN-1;acceptée\n";

    // when / then
    assertThatThrownBy(() -> ReceptionCsv.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors().values())
                    .containsExactly(
                        "Ligne 1 : colonne « serie » inconnue ; l'en-tête est"
                            + " « numero_de_serie;decision;motif ».",
                        "Ligne 1 : il manque la colonne « numero_de_serie » ; l'en-tête est"
                            + " « numero_de_serie;decision;motif ».",
                        "Ligne 1 : il manque la colonne « motif » ; l'en-tête est"
                            + " « numero_de_serie;decision;motif »."));
  }

  @Test
  void shouldRefuseAFileThatIsNotUtf8OrHasNoUnitOrAnUnclosedQuote() {
    // given
    byte[] latin1 =
        "numero_de_serie;decision;motif\nSN-1;refusée;abîmé\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] headerOnly = "numero_de_serie;decision;motif\n".getBytes(StandardCharsets.UTF_8);
    byte[] unclosed =
        "numero_de_serie;decision;motif\nSN-1;refusée;\"abîmé\n".getBytes(StandardCharsets.UTF_8);

    // when / then
    assertThat(refusal(latin1))
        .containsExactly(
            Map.entry(
                "file",
                "Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » (Excel) ou en UTF-8"
                    + " (LibreOffice)."));
    assertThat(refusal(headerOnly))
        .containsExactly(Map.entry("file", "Le fichier n'a aucune unité sous son en-tête."));
    assertThat(refusal(unclosed)).containsOnlyKeys("file");
    assertThat(refusal(unclosed).get("file")).startsWith("Le fichier ne se lit pas comme un CSV");
    assertThat(refusal(new byte[0]))
        .containsExactly(Map.entry("file", "Choisissez le fichier CSV de la livraison."));
  }

  @Test
  void shouldReportTheFirstFiftyProblemsAndCountTheOthers() {
    // given: 60 rows without a decision
    StringBuilder file = new StringBuilder("numero_de_serie;decision;motif\n");
    for (int i = 1; i <= 60; i++) {
      file.append("SN-").append(i).append(";;\n");
    }

    // when
    Map<String, String> errors = refusal(file.toString().getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(errors).hasSize(51);
    assertThat(errors.get("line2.decision")).startsWith("Ligne 2, colonne decision : vide");
    assertThat(errors.get("more")).isEqualTo("… et 10 autre(s) problème(s) dans le fichier.");
  }

  private static Map<String, String> refusal(byte[] content) {
    try {
      ReceptionCsv.parse(content);
    } catch (InvalidInputException e) {
      return e.errors();
    }
    throw new AssertionError("Expected the file to be refused");
  }
}
